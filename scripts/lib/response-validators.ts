/**
 * Build-time response validators for `atlas-admin-openapi/validate`: ajv standalone code for every
 * response body schema of the bundled document (operation x status x media type), so that nothing
 * compiles a schema at run time.
 *
 * - Schemas are taken from the document's response view (scripts/lib/schema-views.js: writeOnly
 *   properties stripped), the view Prism and the contract tests validate responses against.
 * - Annotations (descriptions, examples, externalDocs, x- extensions, readOnly/writeOnly flags, defaults)
 *   are stripped first: they do not change what validates, and a reworded description then leaves the
 *   generated code alone.
 * - ajv 2020 + ajv-formats, patterns in Unicode mode (the project name pattern uses \p{L}), every error.
 * - ajv's standalone code `require`s a few runtime helpers (ajv/dist/runtime/ucs2length, ajv-formats'
 *   format functions). esbuild inlines them here, so the generated module imports nothing and the
 *   published package needs neither ajv nor ajv-formats at run time.
 *
 * The output is TypeScript (a `// @ts-nocheck` JavaScript body plus typed exports) so that
 * `tsc -p tsconfig.build.json` compiles it to dist/lib/generated/ with the rest of the library.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { ajvRef, createOpenApiAjv } from "./openapi-ajv.js";
import { valueAtPointer } from "./json-pointer.js";
import { documentView, SUBSCHEMA_KEYWORDS } from "./schema-views.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const require = createRequire(import.meta.url);
// ajv's standalone module is CommonJS with a default export.
const standaloneCode = require("ajv/dist/standalone").default as (ajv: unknown, refs: Record<string, string>) => string;

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
/** Keywords that annotate a schema without constraining instances (once the response view is applied). */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs", "default", "readOnly", "writeOnly", "deprecated", "$comment", "xml"]);
const RESOURCE = "atlas-responses.json";
const { single: SINGLE, lists: LISTS, maps: MAPS } = SUBSCHEMA_KEYWORDS;

const isMap = (value: unknown): value is JsonMap => typeof value === "object" && value !== null && !Array.isArray(value);
const segment = (key: string) => key.replaceAll("~", "~0").replaceAll("/", "~1");

/** A copy of a schema without annotation keywords, at any depth (property names are left alone). */
export function stripAnnotations(schema: Json): Json {
  if (!isMap(schema)) return schema;
  const out: JsonMap = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if ((SINGLE as readonly string[]).includes(key)) out[key] = stripAnnotations(value);
    else if ((LISTS as readonly string[]).includes(key) && Array.isArray(value)) out[key] = value.map(stripAnnotations);
    else if ((MAPS as readonly string[]).includes(key) && isMap(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, stripAnnotations(s)]));
    else out[key] = value;
  }
  return out;
}

function resolveObject(doc: Json, value: Json, pointer: string): { value: JsonMap; pointer: string } {
  let current: Json | undefined = value;
  let at = pointer;
  for (let hops = 0; isMap(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`${pointer}: $ref chain too long`);
    at = current.$ref;
    current = valueAtPointer(doc, at) as Json | undefined;
  }
  if (!isMap(current)) throw new Error(`${at} does not resolve to an object`);
  return { value: current, pointer: at };
}

function setAtPointer(target: JsonMap, pointer: string, value: Json): void {
  const keys = pointer.slice(2).split("/").map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"));
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
  const nameFor = (pointer: string) => {
    if (!schemas.has(pointer)) schemas.set(pointer, `v${schemas.size}`);
    return schemas.get(pointer)!;
  };
  for (const [path, rawItem] of Object.entries(isMap(doc.paths) ? doc.paths : {})) {
    const item = resolveObject(doc, rawItem, `#/paths/${segment(path)}`);
    for (const method of METHODS) {
      const op = item.value[method];
      if (!isMap(op)) continue;
      const opPointer = `${item.pointer}/${method}`;
      if (typeof op.operationId !== "string") throw new Error(`${opPointer} has no operationId`);
      const responses: ResponseTable[string]["responses"] = {};
      for (const [status, raw] of Object.entries(isMap(op.responses) ? op.responses : {})) {
        const response = resolveObject(doc, raw, `${opPointer}/responses/${status}`);
        const byMediaType: Record<string, string | null> = (responses[status] = {});
        for (const [mediaType, media] of Object.entries(isMap(response.value.content) ? response.value.content : {})) {
          const mediaPointer = `${response.pointer}/content/${segment(mediaType)}`;
          if (!isMap(media)) throw new Error(`${mediaPointer} is not a media type object`);
          const schema = media.schema;
          if (schema === undefined) byMediaType[mediaType.toLowerCase()] = null;
          else {
            // A bare $ref shares one validator with every other use of its target (all errors use ApiError).
            const onlyRef = isMap(schema) && typeof schema.$ref === "string" && Object.keys(schema).length === 1;
            byMediaType[mediaType.toLowerCase()] = nameFor(onlyRef ? (schema.$ref as string) : `${mediaPointer}/schema`);
          }
        }
      }
      table[`${method.toUpperCase()} ${path}`] = { operationId: op.operationId, responses };
    }
  }
  return { table, schemas };
}

/**
 * The schema resource ajv compiles: the document's component schemas and the inline response schemas,
 * in the response view, without annotations, at the same pointers as in the document (so that `$ref`s
 * and error schema paths read as in dist/openapi.json).
 */
function schemaResource(doc: JsonMap, pointers: Iterable<string>): JsonMap {
  const view = documentView(doc, "response") as JsonMap;
  const resource: JsonMap = {};
  const components = isMap(view.components) && isMap(view.components.schemas) ? view.components.schemas : {};
  for (const [name, schema] of Object.entries(components)) setAtPointer(resource, `#/components/schemas/${segment(name)}`, stripAnnotations(schema));
  for (const pointer of pointers) {
    if (pointer.startsWith("#/components/schemas/")) continue;
    const schema = valueAtPointer(view, pointer) as Json | undefined;
    if (schema === undefined) throw new Error(`${pointer} does not resolve in the document`);
    setAtPointer(resource, pointer, stripAnnotations(schema));
  }
  return resource;
}

const BANNER = `// Generated by scripts/generate.ts from dist/openapi.json. Do not edit: run \`npm run generate\`.
// @ts-nocheck
// Response validators for atlas-admin-openapi/validate: ajv standalone code (ajv 2020 + ajv-formats,
// Unicode patterns, response view of the document), bundled by esbuild with the ajv runtime helpers and
// ajv-formats format functions it uses. ajv and ajv-formats: MIT License, (c) Evgeny Poberezkin and contributors.
`;

const TYPES = `
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

/** A body schema of the document: its validator, and where it is in dist/openapi.json. */
export interface BodySchema {
  readonly validate: GeneratedValidator;
  /** JSON pointer of the schema in the bundled document (dist/openapi.json). */
  readonly schema: string;
}

/** Per documented status code (as written: "200", "4XX", "default") and media type (lower case), the body's schema; null when the document gives that media type no schema. */
export type ResponseValidators = Readonly<Record<string, Readonly<Record<string, BodySchema | null>>>>;

/** Keyed by "METHOD /path/{template}". */
export const responseValidators: Readonly<Record<string, { readonly operationId: string; readonly responses: ResponseValidators }>> = generated.responseValidators;
`;

/** The table as JavaScript, naming each validator by its identifier. */
function tableSource(table: ResponseTable, schemas: Map<string, string>): string {
  const pointers = new Map([...schemas].map(([pointer, name]) => [name, pointer]));
  const operations = Object.entries(table).map(([key, { operationId, responses }]) => {
    const statuses = Object.entries(responses).map(([status, media]) => {
      const entries = Object.entries(media).map(([mediaType, name]) => `${JSON.stringify(mediaType)}: ${name === null ? "null" : `{ validate: ${name}, schema: ${JSON.stringify(pointers.get(name))} }`}`);
      return `      ${JSON.stringify(status)}: { ${entries.join(", ")} },`;
    });
    return `  ${JSON.stringify(key)}: {\n    operationId: ${JSON.stringify(operationId)},\n    responses: {\n${statuses.join("\n")}\n    },\n  },`;
  });
  return `{\n${operations.join("\n")}\n}`;
}

/** TypeScript source of generated/response-validators.ts for a bundled document. */
export function generateResponseValidators(doc: JsonMap): string {
  const { table, schemas } = collectResponseSchemas(doc);
  const resource = schemaResource(doc, schemas.keys());
  const ajv = createOpenApiAjv(resource, { code: { source: true, esm: true } });
  ajv.addSchema(resource, RESOURCE, undefined, false);
  const refs = Object.fromEntries([...schemas].map(([pointer, name]) => [name, ajvRef(RESOURCE, pointer)]));
  const validators = standaloneCode(ajv, refs);
  const entry = `${validators}\nexport const responseValidators = ${tableSource(table, schemas)};\n`;
  const bundled = buildSync({
    stdin: { contents: entry, resolveDir: projectRoot, sourcefile: "response-validators.js", loader: "js" },
    bundle: true,
    format: "iife",
    globalName: "generated",
    platform: "neutral",
    target: "es2022",
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  const code = bundled.outputFiles[0]!.text;
  return `${BANNER}${code}${TYPES}`;
}

/** How many operations and distinct schemas a document has validators for (for the generate log line). */
export function responseValidatorCounts(doc: JsonMap): { operations: number; schemas: number } {
  const { table, schemas } = collectResponseSchemas(doc);
  return { operations: Object.keys(table).length, schemas: schemas.size };
}
