// The OpenAPI 3.0.3 companion of the bundled 3.1 document, for tools that read only 3.0: a pure function of
// the bundle, @apiture/openapi-down-convert plus the fixes it leaves out (docs/companion-30.md). What neither
// can express, or the converter would silently drop, throws, naming where it is.
import { stringifyYaml } from "@redocly/openapi-core";
import { Converter } from "@apiture/openapi-down-convert";
import { isObject, valueAtPointer } from "../../src/openapi/document.js";

type JsonObject = Record<string, any>;

/** Schema keywords of JSON Schema 2020-12 that OpenAPI 3.0 does not have and the converter leaves in place. */
const UNCONVERTIBLE_SCHEMA_KEYWORDS = new Set([
  "prefixItems", "unevaluatedProperties", "unevaluatedItems", "propertyNames", "if", "then", "else", "dependentRequired",
  "dependentSchemas", "contains", "minContains", "maxContains", "patternProperties", "$defs", "$dynamicRef", "$anchor",
]);

/** Keys under which a Reference Object points to a schema (3.0 reads the siblings of those through allOf). */
const SCHEMA_POSITIONS = new Set(["schema", "schemas", "properties", "items", "allOf", "oneOf", "anyOf", "not", "additionalProperties"]);

/** 3.1 fields the converter would delete without a trace. */
const DROPPED_FIELDS = ["#/webhooks", "#/jsonSchemaDialect", "#/components/pathItems", "#/info/license/identifier"];

/** Calls visit(object, path) on every object under `node`, parents first: visit may change the object in place. */
function eachObject(node: unknown, path: string[], visit: (object: JsonObject, path: string[]) => void): void {
  if (Array.isArray(node)) return node.forEach((item, index) => eachObject(item, [...path, String(index)], visit));
  if (!isObject(node)) return;
  visit(node, path);
  for (const [key, value] of Object.entries(node)) eachObject(value, [...path, key], visit);
}

/**
 * 3.1 lets a non-schema `$ref` override its target's `description` or `summary`; 3.0 ignores the siblings of
 * `$ref` and the converter deletes them. Such a reference becomes a copy of its target with the overrides.
 */
function inlineOverriddenReferences(doc: JsonObject): void {
  eachObject(doc, [], (node, path) => {
    while (typeof node.$ref === "string" && Object.keys(node).length > 1 && !path.some((key) => SCHEMA_POSITIONS.has(key))) {
      const { $ref, ...overrides } = node;
      // A bundle's $refs are all local: valueAtPointer follows nothing else.
      const target = valueAtPointer(doc, $ref);
      if (!isObject(target)) throw new Error(`#/${path.join("/")}: $ref ${$ref} ${target === undefined ? "does not resolve" : "is not an object"}`);
      for (const key of Object.keys(node)) delete node[key];
      Object.assign(node, structuredClone(target), overrides);
    }
  });
}

/** `{$ref, readOnly: true}` -> `{allOf: [{$ref}], readOnly: true}`; 3.0 ignores every sibling of `$ref`. */
function wrapSchemaReferencesWithSiblings(node: unknown): void {
  eachObject(node, [], (object) => {
    if (typeof object.$ref !== "string" || Object.keys(object).length === 1) return;
    const ref = object.$ref;
    delete object.$ref;
    object.allOf = [{ $ref: ref }, ...(Array.isArray(object.allOf) ? object.allOf : [])];
  });
}

function rejectUnconvertible(doc: JsonObject): void {
  eachObject(doc, [], (node, path) => {
    // "properties" holds property names, not keywords: a property called "if" is fine.
    if (!(path.includes("schemas") || path.includes("schema")) || path.at(-1) === "properties") return;
    for (const [key, value] of Object.entries(node)) {
      const at = `#/${[...path, key].join("/")}`;
      if (UNCONVERTIBLE_SCHEMA_KEYWORDS.has(key)) throw new Error(`${at}: ${key} has no OpenAPI 3.0 equivalent; the 3.0 companion cannot express it`);
      if (key === "type" && Array.isArray(value)) throw new Error(`${at}: type ${JSON.stringify(value)} has no OpenAPI 3.0 equivalent`);
    }
  });
}

/** The 3.0.3 rendering of a bundled 3.1 document (every `$ref` local); the input is not modified. */
export function toOpenApi30(doc31: unknown): JsonObject {
  if (!isObject(doc31) || typeof doc31.openapi !== "string" || !doc31.openapi.startsWith("3.1.")) {
    throw new Error(`toOpenApi30 expects an OpenAPI 3.1 document; openapi is ${isObject(doc31) ? JSON.stringify(doc31.openapi) : "missing"}`);
  }
  for (const where of DROPPED_FIELDS) {
    if (valueAtPointer(doc31, where) !== undefined) {
      throw new Error(`${where}: OpenAPI 3.0 has no place for it and the down-converter would drop it; the 3.0 companion cannot express it`);
    }
  }
  const source = structuredClone(doc31);
  inlineOverriddenReferences(source);
  const converted = new Converter(source, { verbose: false }).convert() as JsonObject;
  converted.openapi = "3.0.3";
  // `info.summary` is 3.1 only: kept as `x-summary`.
  if (isObject(converted.info) && converted.info.summary !== undefined) {
    const { summary, ...rest } = converted.info;
    converted.info = { ...rest, "x-summary": summary };
  }
  wrapSchemaReferencesWithSiblings(converted.components?.schemas);
  wrapSchemaReferencesWithSiblings(converted.paths);
  rejectUnconvertible(converted);
  // The converter leaves some keys present with the value undefined; return plain JSON, as written to disk.
  return JSON.parse(JSON.stringify(converted)) as JsonObject;
}

/** The companion's two files, generated/openapi-3.0.json and generated/openapi-3.0.yaml, for a 3.1 bundle. */
export function openApi30Files(doc31: unknown): { json: string; yaml: string } {
  const doc30 = toOpenApi30(doc31);
  // Written as Redocly writes generated/openapi.yaml (js-yaml: no anchors, no folded lines; faster than `yaml`, bench/PROFILE.md).
  return { json: `${JSON.stringify(doc30, null, 2)}\n`, yaml: stringifyYaml(doc30, { noRefs: true, lineWidth: -1 }) };
}
