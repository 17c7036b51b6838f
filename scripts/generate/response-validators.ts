/**
 * Build-time response validators for `atlas-admin-openapi/validate` (docs/client.md): ajv standalone code for
 * every response body schema, from the response view without annotations (a reworded description leaves the
 * code alone), with the ajv runtime helpers bundled in by esbuild so that the module imports nothing.
 */
import { fileURLToPath } from "node:url";
import standalone from "ajv/dist/standalone/index.js";
import { buildSync } from "esbuild";
import { forEachOperation, isObject, pointerKeys, pointerOf, resolveObject, valueAtPointer } from "../../src/openapi/document.js";
import { ajvRef, createOpenApiAjv } from "../openapi/openapi-ajv.js";
import { documentView, mapSubschemas, type Json, type JsonMap } from "../openapi/schema-views.js";

const isMap = (value: unknown): value is JsonMap => isObject(value);

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/** Keywords that annotate a schema without constraining instances (once the response view is applied). */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "default", "readOnly", "writeOnly", "deprecated", "$comment", "xml"]);
const RESOURCE = "atlas-responses.json";

/** A copy of a schema without annotation keywords, at any depth (property names are left alone). */
export function stripAnnotations(schema: Json): Json {
  if (!isMap(schema)) return schema;
  const out = mapSubschemas(schema, stripAnnotations);
  for (const key of Object.keys(out)) if (ANNOTATIONS.has(key) || key.startsWith("x-")) delete out[key];
  return out;
}

function setAtPointer(target: JsonMap, pointer: string, value: Json): void {
  const keys = pointerKeys(pointer)!;
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] = isMap(node[key]) ? node[key] : {}) as JsonMap;
  node[keys.at(-1)!] = value;
}

/** Method + path template -> operationId and, per documented status and media type, a validator name (null: no schema). */
export interface ResponseTable {
  [operation: string]: { operationId: string; responses: { [status: string]: { [mediaType: string]: string | null } } };
}

/** The response schemas of a bundled document: the table, and the pointer of each distinct schema to compile. */
export function collectResponseSchemas(doc: JsonMap): { table: ResponseTable; schemas: Map<string, string> } {
  const table: ResponseTable = {};
  const schemas = new Map<string, string>(); // schema pointer -> validator name
  const nameFor = (pointer: string) => schemas.get(pointer) ?? schemas.set(pointer, `v${schemas.size}`).get(pointer)!;
  forEachOperation(doc, ({ path, method, operation: op, pointer: opPointer }) => {
    if (typeof op.operationId !== "string") throw new Error(`${opPointer} has no operationId`);
    const responses: ResponseTable[string]["responses"] = {};
    for (const [status, raw] of Object.entries(isMap(op.responses) ? op.responses : {})) {
      const at = `${opPointer}/responses/${status}`;
      const response = resolveObject(doc, raw, at, at);
      const byMediaType: Record<string, string | null> = (responses[status] = {});
      for (const [mediaType, media] of Object.entries(isMap(response.value.content) ? response.value.content : {})) {
        const mediaPointer = `${response.pointer}/content/${pointerOf([mediaType]).slice(2)}`;
        if (!isMap(media)) throw new Error(`${mediaPointer} is not a media type object`);
        const schema = media.schema;
        // A bare $ref shares one validator with every other use of its target (all errors use ApiError).
        const onlyRef = isMap(schema) && typeof schema.$ref === "string" && Object.keys(schema).length === 1;
        byMediaType[mediaType.toLowerCase()] = schema === undefined ? null : nameFor(onlyRef ? (schema.$ref as string) : `${mediaPointer}/schema`);
      }
    }
    table[`${method.toUpperCase()} ${path}`] = { operationId: op.operationId, responses };
  });
  return { table, schemas };
}

/**
 * The schema resource ajv compiles: the document's component schemas and the inline response schemas,
 * in the response view, without annotations, at the same pointers as in the document (so that `$ref`s
 * and error schema paths read as in generated/openapi.json).
 */
function schemaResource(doc: JsonMap, pointers: Iterable<string>): JsonMap {
  const view = documentView(doc, "response") as JsonMap;
  const resource: JsonMap = {};
  const components = isMap(view.components) && isMap(view.components.schemas) ? view.components.schemas : {};
  for (const [name, schema] of Object.entries(components)) setAtPointer(resource, pointerOf(["components", "schemas", name]), stripAnnotations(schema));
  for (const pointer of pointers) {
    if (pointer.startsWith("#/components/schemas/")) continue;
    const schema = valueAtPointer(view, pointer) as Json | undefined;
    if (schema === undefined) throw new Error(`${pointer} does not resolve in the document`);
    setAtPointer(resource, pointer, stripAnnotations(schema));
  }
  return resource;
}

const BANNER = `// Generated by scripts/generate/generate.ts from generated/openapi.json. Do not edit: run \`npm run generate\`.
// Response validators for atlas-admin-openapi/validate: ajv standalone code (ajv 2020 + ajv-formats,
// Unicode patterns, response view of the document), with the ajv runtime helpers and ajv-formats format
// functions it uses bundled in by esbuild. ajv and ajv-formats: MIT License, (c) Evgeny Poberezkin and contributors.
// Types: response-validators.d.ts.
`;

const DECLARATIONS = `// Generated by scripts/generate/generate.ts from generated/openapi.json. Do not edit: run \`npm run generate\`.
// The types of response-validators.js (the same for every document).

/** One ajv error, as the generated validators report it. */
export interface GeneratedValidationError {
  /** JSON pointer of the failing value in the validated body ("" for the body itself). */
  instancePath: string;
  /** ajv's schema path: relative to whichever (possibly inlined) schema failed, so not a pointer into the document. */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An ajv standalone validator: true when the body matches; otherwise its errors are in \`errors\`. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: GeneratedValidationError[] | null;
}

/** A body schema of the document: its validator, and where it is in generated/openapi.json. */
export interface BodySchema {
  readonly validate: GeneratedValidator;
  /** JSON pointer of the schema in the bundled document (generated/openapi.json). */
  readonly schema: string;
}

/** Per documented status code (as written: "200", "4XX", "default") and media type (lower case), the body's schema; null when the document gives that media type no schema. */
export type ResponseValidators = Readonly<Record<string, Readonly<Record<string, BodySchema | null>>>>;

/** Keyed by "METHOD /path/{template}". */
export declare const responseValidators: Readonly<Record<string, { readonly operationId: string; readonly responses: ResponseValidators }>>;
`;

/** The table as JavaScript: validator vN is the function functions[N], of the schema at pointers[N]. */
function tableSource(table: ResponseTable, pointers: string[], functions: string[]): string {
  const body = (name: string) => `{ validate: ${functions[Number(name.slice(1))]}, schema: ${JSON.stringify(pointers[Number(name.slice(1))])} }`;
  const operations = Object.entries(table).map(([key, { operationId, responses }]) => {
    const statuses = Object.entries(responses).map(([status, media]) => {
      const entries = Object.entries(media).map(([mediaType, name]) => `${JSON.stringify(mediaType)}: ${name === null ? "null" : body(name)}`);
      return `      ${JSON.stringify(status)}: { ${entries.join(", ")} },`;
    });
    return `  ${JSON.stringify(key)}: {\n    operationId: ${JSON.stringify(operationId)},\n    responses: {\n${statuses.join("\n")}\n    },\n  },`;
  });
  return `{\n${operations.join("\n")}\n}`;
}

// ajv's code `require`s its runtime helpers by module name (`require("ajv/dist/runtime/equal").default`);
// inside a JSON string literal a `"` is always escaped, so `require("` only matches code.
const RUNTIME_REQUIRE = /\brequire\("([^"\\]+)"\)/g;
const RUNTIME = "ajvRuntime";

/** The helper modules the code requires, bundled by esbuild into one small prelude, and the code reading them from it. */
function withRuntime(code: string): { prelude: string; code: string } {
  const modules = [...new Set([...code.matchAll(RUNTIME_REQUIRE)].map((match) => match[1]!))].sort();
  if (modules.length === 0) return { prelude: "", code };
  const entry = `module.exports = {\n${modules.map((name) => `  ${JSON.stringify(name)}: require(${JSON.stringify(name)}),`).join("\n")}\n};\n`;
  const bundled = buildSync({
    stdin: { contents: entry, resolveDir: projectRoot, sourcefile: "ajv-runtime.js", loader: "js" },
    bundle: true,
    format: "iife",
    globalName: RUNTIME,
    platform: "neutral",
    target: "es2022",
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  const prelude = bundled.outputFiles[0]!.text.replace(/^"use strict";\n/, "");
  return { prelude, code: code.replace(RUNTIME_REQUIRE, (_match, name: string) => `${RUNTIME}[${JSON.stringify(name)}]`) };
}

/**
 * ajv's standalone code of every validator, and each one's function name (read from, then instead of, its
 * `exports.vN =` line). lines: a diff of the committed file reads; optimize: false costs less than it saves;
 * `process`: the code is only written out, so V8 evaluates an empty function.
 */
function standaloneValidators(resource: JsonMap, pointers: string[]): { code: string; functions: string[] } {
  const ajv = createOpenApiAjv(resource, { code: { source: true, lines: true, optimize: false, process: () => "return function validate() {}" } });
  ajv.addSchema(resource, RESOURCE, undefined, false);
  const source = standalone.default(ajv, Object.fromEntries(pointers.map((pointer, index) => [`v${index}`, ajvRef(RESOURCE, pointer)])));
  const pieces = source.split(/\nexports\.(v\d+) = (\w+);\n/);
  const functions: string[] = [];
  const code: string[] = [];
  for (let i = 1; i < pieces.length; i += 3) {
    functions[Number(pieces[i]!.slice(1))] = pieces[i + 1]!;
    code.push(pieces[i + 2]!);
  }
  return { code: code.join("\n"), functions };
}

/** generated/response-validators.js and its declaration file, for a bundled document. */
export function generateResponseValidators(doc: JsonMap): { js: string; dts: string } {
  const { table, schemas } = collectResponseSchemas(doc);
  const pointers = [...schemas.keys()]; // validator vN checks the schema at pointers[N]
  const compiled = standaloneValidators(schemaResource(doc, pointers), pointers);
  const { prelude, code } = withRuntime(compiled.code);
  const js = `${BANNER}${prelude}\n${code}\n\n/** Keyed by "METHOD /path/{template}". */\nexport const responseValidators = ${tableSource(table, pointers, compiled.functions)};\n`;
  return { js, dts: DECLARATIONS };
}

