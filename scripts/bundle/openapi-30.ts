/**
 * The OpenAPI 3.0.3 companion of the bundled 3.1 document, for tools that read only 3.0.
 *
 * `toOpenApi30(doc31)` is a pure function of the bundled document (no I/O) so any build step can call
 * it. It runs @apiture/openapi-down-convert (const -> enum, type arrays -> nullable, schema `examples`
 * -> `example`, `$comment`, license identifier, ...) and adds the fixes that converter leaves out, each
 * keeping the fact instead of dropping it:
 *  - `info.summary` (3.1 only) becomes `x-summary`;
 *  - a Reference Object with sibling fields outside schemas (3.1 lets a `$ref` to a parameter override
 *    its `description` or `summary`) is replaced by a copy of its target with the overrides applied,
 *    because 3.0 ignores siblings of `$ref` and the converter deletes them;
 *  - a schema `$ref` with siblings (`readOnly`, `description`, ...) becomes `allOf: [{$ref}]` beside those
 *    siblings, which 3.0 does read.
 * Anything 3.1-only that neither the converter nor these fixes handle (and anything the converter would
 * delete: webhooks, jsonSchemaDialect, components.pathItems, license.identifier) throws, naming where it is.
 */
import { stringifyYaml } from "@redocly/openapi-core";
import { Converter } from "@apiture/openapi-down-convert";
import { isObject as isPlainObject, valueAtPointer } from "../../src/openapi/document.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const OPENAPI_30_VERSION = "3.0.3";

/** Schema keywords of JSON Schema 2020-12 that OpenAPI 3.0 does not have and the converter leaves in place. */
const UNCONVERTIBLE_SCHEMA_KEYWORDS = [
  "prefixItems",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "if",
  "then",
  "else",
  "dependentRequired",
  "dependentSchemas",
  "contains",
  "minContains",
  "maxContains",
  "patternProperties",
  "$defs",
  "$dynamicRef",
  "$anchor",
] as const;

const isObject = (value: unknown): value is JsonObject => isPlainObject(value);

function resolveLocal(doc: JsonObject, ref: string, at: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`${at}: only local $refs can be down-converted, found ${ref}`);
  const node = valueAtPointer(doc, ref) as Json | undefined;
  if (node === undefined) throw new Error(`${at}: $ref ${ref} does not resolve`);
  return node;
}

/** Where a Reference Object points to a schema (3.0 reads siblings of those through allOf). */
function isSchemaPosition(path: string[]): boolean {
  return path.includes("schema") || path.includes("schemas") || path.includes("properties") || path.includes("items") || path.includes("allOf") || path.includes("oneOf") || path.includes("anyOf") || path.includes("not") || path.includes("additionalProperties");
}

/** Replaces non-schema `$ref`s that carry overrides by their target with the overrides applied. */
function inlineOverriddenReferences(doc: JsonObject): void {
  const visit = (node: Json, path: string[]): Json => {
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...path, String(index)]));
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string" && Object.keys(node).length > 1 && !isSchemaPosition(path)) {
      const { $ref, ...overrides } = node;
      const target = resolveLocal(doc, $ref, `#/${path.join("/")}`);
      if (!isObject(target)) throw new Error(`#/${path.join("/")}: $ref ${$ref} is not an object`);
      return visit({ ...structuredClone(target), ...overrides }, path);
    }
    for (const [key, value] of Object.entries(node)) node[key] = visit(value, [...path, key]);
    return node;
  };
  visit(doc, []);
}

/** `{$ref, readOnly: true}` -> `{allOf: [{$ref}], readOnly: true}`; 3.0 ignores every sibling of `$ref`. */
function wrapSchemaReferencesWithSiblings(node: Json): void {
  if (Array.isArray(node)) return node.forEach(wrapSchemaReferencesWithSiblings);
  if (!isObject(node)) return;
  if (typeof node.$ref === "string" && Object.keys(node).length > 1) {
    const ref = node.$ref;
    delete node.$ref;
    node.allOf = [{ $ref: ref }, ...(Array.isArray(node.allOf) ? node.allOf : [])];
  }
  Object.values(node).forEach(wrapSchemaReferencesWithSiblings);
}

function rejectUnconvertible(node: Json, path: string[]): void {
  if (Array.isArray(node)) return node.forEach((item, index) => rejectUnconvertible(item, [...path, String(index)]));
  if (!isObject(node)) return;
  const inSchema = path.includes("schemas") || path.includes("schema");
  for (const [key, value] of Object.entries(node)) {
    // "properties" holds property names, not keywords: a property called "if" is fine.
    if (inSchema && path.at(-1) !== "properties" && (UNCONVERTIBLE_SCHEMA_KEYWORDS as readonly string[]).includes(key)) {
      throw new Error(`#/${[...path, key].join("/")}: ${key} has no OpenAPI 3.0 equivalent; the 3.0 companion cannot express it`);
    }
    if (inSchema && path.at(-1) !== "properties" && key === "type" && Array.isArray(value)) {
      throw new Error(`#/${[...path, key].join("/")}: type ${JSON.stringify(value)} has no OpenAPI 3.0 equivalent`);
    }
    rejectUnconvertible(value, [...path, key]);
  }
}

/** 3.1 document fields the converter would delete without a trace: refused instead, naming the field. */
function rejectDroppedFields(doc: JsonObject): void {
  const info = isObject(doc.info) ? doc.info : {};
  const license = isObject(info.license) ? info.license : {};
  const components = isObject(doc.components) ? doc.components : {};
  const dropped: Array<[string, unknown]> = [
    ["#/webhooks", doc.webhooks],
    ["#/jsonSchemaDialect", doc.jsonSchemaDialect],
    ["#/components/pathItems", components.pathItems],
    ["#/info/license/identifier", license.identifier],
  ];
  for (const [where, value] of dropped) {
    if (value !== undefined) throw new Error(`${where}: OpenAPI 3.0 has no place for it and the down-converter would drop it; the 3.0 companion cannot express it`);
  }
}

/** The 3.0.3 rendering of a bundled 3.1 document (every `$ref` local); the input is not modified. */
export function toOpenApi30(doc31: unknown): JsonObject {
  if (!isObject(doc31) || typeof doc31.openapi !== "string" || !doc31.openapi.startsWith("3.1.")) {
    throw new Error(`toOpenApi30 expects an OpenAPI 3.1 document; openapi is ${isObject(doc31) ? JSON.stringify(doc31.openapi) : "missing"}`);
  }
  rejectDroppedFields(doc31);
  const source = structuredClone(doc31);
  inlineOverriddenReferences(source);
  const converted = new Converter(source, { verbose: false }).convert() as JsonObject;
  converted.openapi = OPENAPI_30_VERSION;
  const info = converted.info;
  if (isObject(info) && info.summary !== undefined) {
    const { summary, ...rest } = info;
    converted.info = { ...rest, "x-summary": summary };
  }
  const components = converted.components;
  wrapSchemaReferencesWithSiblings(isObject(components) ? components.schemas ?? null : null);
  wrapSchemaReferencesWithSiblings(converted.paths ?? null);
  rejectUnconvertible(converted, []);
  // The converter leaves some keys present with the value undefined; return plain JSON, as written to disk.
  return JSON.parse(JSON.stringify(converted)) as JsonObject;
}

/** The companion's two files, generated/openapi-3.0.json and generated/openapi-3.0.yaml, for a 3.1 bundle. */
export function openApi30Files(doc31: unknown): { json: string; yaml: string } {
  const doc30 = toOpenApi30(doc31);
  // Written as Redocly writes generated/openapi.yaml (js-yaml: no anchors, no folded lines). The `yaml`
  // package's stringify took 4 s of the companion's 7 s at 6,000 operations (bench/PROFILE.md).
  return { json: `${JSON.stringify(doc30, null, 2)}\n`, yaml: stringifyYaml(doc30, { noRefs: true, lineWidth: -1 }) };
}
