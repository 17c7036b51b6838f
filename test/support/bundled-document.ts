/**
 * Reads the bundled document (generated/openapi.json) and lists its operations with every $ref resolved,
 * so tests iterate the document instead of hand-listing operations, codes or parameters.
 */
import { existsSync, readFileSync } from "node:fs";
import { BUNDLE_JSON } from "../../scripts/common/project-paths.js";
import { HTTP_METHODS, valueAtPointer } from "../../src/openapi/document.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
/** A JSON Schema (2020-12, OpenAPI 3.1 dialect) as it appears in the document. */
export type Schema = JsonObject | boolean;

export { HTTP_METHODS };

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: Schema;
  /** JSON pointer of the parameter's schema in the bundled document. */
  schemaPointer: string;
  /** The parameter's example values (`example` and every `examples` entry). */
  examples: JsonValue[];
}

export interface MediaType {
  mediaType: string;
  /** JSON pointer of the media type's schema, or undefined when the document gives none (e.g. a 204). */
  schemaPointer: string | undefined;
  /** Named examples (`examples`), plus `example` under the name "example". */
  examples: Map<string, JsonValue>;
}

export interface ResponseEntry {
  code: string;
  contents: MediaType[];
}

export interface Operation {
  operationId: string;
  method: (typeof HTTP_METHODS)[number];
  path: string;
  parameters: Parameter[];
  requestBody: { required: boolean; contents: MediaType[] } | undefined;
  responses: ResponseEntry[];
}

let cached: JsonObject | undefined;

/** The bundled document; a clear error when the build has not run. */
export function readBundledDocument(): JsonObject {
  if (cached) return cached;
  if (!existsSync(BUNDLE_JSON)) {
    throw new Error(`generated/openapi.json is missing: run npm run build (or npm run bundle) before the tests`);
  }
  cached = JSON.parse(readFileSync(BUNDLE_JSON, "utf8")) as JsonObject;
  return cached;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replaceAll("~", "~0").replaceAll("/", "~1");
}

export function joinPointer(base: string, ...keys: (string | number)[]): string {
  return [base, ...keys.map(pointerSegment)].join("/");
}

/** Reads the value at a local JSON pointer ("#/a/b"). */
export function valueAt(doc: JsonValue, pointer: string): JsonValue {
  if (!pointer.startsWith("#")) throw new Error(`only local references are supported, got ${pointer}`);
  const node = valueAtPointer(doc, pointer);
  if (node === undefined) throw new Error(`${pointer} does not resolve in the bundled document`);
  return node as JsonValue;
}

/** Follows `$ref` chains of OpenAPI objects (parameters, responses, ...) and says where the target lives. */
export function resolveObject(doc: JsonObject, value: JsonValue, pointer: string): { value: JsonObject; pointer: string } {
  let current = value;
  let at = pointer;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`${pointer}: $ref chain too long`);
    at = current.$ref;
    current = valueAt(doc, at);
  }
  if (!isObject(current)) throw new Error(`${at} is not an object`);
  return { value: current, pointer: at };
}

function readMediaTypes(doc: JsonObject, content: JsonValue | undefined, pointer: string): MediaType[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, raw]) => {
    const { value, pointer: at } = resolveObject(doc, raw, joinPointer(pointer, mediaType));
    const examples = new Map<string, JsonValue>();
    if (value.example !== undefined) examples.set("example", value.example);
    if (isObject(value.examples)) {
      for (const [name, example] of Object.entries(value.examples)) {
        const resolved = resolveObject(doc, example, joinPointer(at, "examples", name)).value;
        if (resolved.value !== undefined) examples.set(name, resolved.value);
      }
    }
    return { mediaType, schemaPointer: value.schema === undefined ? undefined : joinPointer(at, "schema"), examples };
  });
}

function readParameters(doc: JsonObject, list: JsonValue | undefined, pointer: string): Parameter[] {
  if (!Array.isArray(list)) return [];
  return list.map((raw, index) => {
    const { value, pointer: at } = resolveObject(doc, raw, joinPointer(pointer, index));
    if (value.schema === undefined) throw new Error(`${at}: parameters without a schema are not supported by the contract tests`);
    const examples: JsonValue[] = [];
    if (value.example !== undefined) examples.push(value.example);
    if (isObject(value.examples)) {
      for (const [name, example] of Object.entries(value.examples)) {
        const resolved = resolveObject(doc, example, joinPointer(at, "examples", name)).value;
        if (resolved.value !== undefined) examples.push(resolved.value);
      }
    }
    return {
      name: String(value.name),
      in: value.in as Parameter["in"],
      required: value.required === true,
      schema: value.schema as Schema,
      schemaPointer: joinPointer(at, "schema"),
      examples,
    };
  });
}

/** Every operation of the bundled document, in document order. */
export function listOperations(doc: JsonObject = readBundledDocument()): Operation[] {
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const itemPointer = joinPointer("#/paths", path);
    const item = resolveObject(doc, rawItem, itemPointer);
    const shared = readParameters(doc, item.value.parameters, joinPointer(item.pointer, "parameters"));
    for (const method of HTTP_METHODS) {
      const op = item.value[method];
      if (!isObject(op)) continue;
      const opPointer = joinPointer(item.pointer, method);
      const own = readParameters(doc, op.parameters, joinPointer(opPointer, "parameters"));
      // Operation-level parameters override path-level ones with the same name and location.
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      let requestBody: Operation["requestBody"];
      if (op.requestBody !== undefined) {
        const body = resolveObject(doc, op.requestBody, joinPointer(opPointer, "requestBody"));
        requestBody = { required: body.value.required === true, contents: readMediaTypes(doc, body.value.content, joinPointer(body.pointer, "content")) };
      }
      const responses = Object.entries(isObject(op.responses) ? op.responses : {}).map(([code, raw]) => {
        const response = resolveObject(doc, raw, joinPointer(opPointer, "responses", code));
        return { code, contents: readMediaTypes(doc, response.value.content, joinPointer(response.pointer, "content")) };
      });
      if (typeof op.operationId !== "string") throw new Error(`${opPointer} has no operationId`);
      operations.push({ operationId: op.operationId, method, path, parameters, requestBody, responses });
    }
  }
  return operations;
}
