/**
 * Walking an instance alongside its schema: `flatten` resolves $ref and merges allOf so each location has
 * one schema object to read constraints from; `locations` lists every value in an instance with its path
 * and flattened schema (nested objects and arrays included).
 */
import { isObject, valueAt, type JsonObject, type JsonValue, type Schema } from "./bundled-document.js";

export type Path = (string | number)[];

export interface Location {
  path: Path;
  schema: JsonObject;
  value: JsonValue;
}

/** Keywords whose values must agree (or be combined) when allOf members are merged. */
const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
const MUST_AGREE = ["const", "pattern", "format", "multipleOf", "uniqueItems", "additionalProperties", "items", "discriminator"];

function merge(a: JsonObject, b: JsonObject, where: string): JsonObject {
  const out: JsonObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (key === "properties" && isObject(mine) && isObject(value)) {
      const properties: JsonObject = { ...mine };
      for (const [name, schema] of Object.entries(value)) properties[name] = name in mine ? { allOf: [mine[name]!, schema] } : schema;
      out[key] = properties;
    } else if (key === "required" && Array.isArray(mine) && Array.isArray(value)) out[key] = [...new Set([...mine, ...value])];
    else if (key === "type") {
      const left = Array.isArray(mine) ? mine : [mine];
      const both = left.filter((t) => (Array.isArray(value) ? value : [value]).includes(t));
      if (both.length === 0) throw new Error(`${where}: allOf members disagree on type`);
      out[key] = both.length === 1 ? both[0]! : both;
    } else if (key === "enum" && Array.isArray(mine) && Array.isArray(value)) {
      out[key] = mine.filter((v) => value.some((w) => JSON.stringify(v) === JSON.stringify(w)));
    } else if (LOWER_BOUNDS.includes(key)) out[key] = Math.max(Number(mine), Number(value));
    else if (UPPER_BOUNDS.includes(key)) out[key] = Math.min(Number(mine), Number(value));
    else if (MUST_AGREE.includes(key) && JSON.stringify(mine) !== JSON.stringify(value)) {
      throw new Error(`${where}: allOf members disagree on ${key}; the contract tests cannot sample this schema`);
    }
    // Annotations (description, readOnly, examples, ...): the first one stays.
  }
  return out;
}

/** The schema with $ref followed and allOf merged in (oneOf/anyOf stay as they are). */
export function flatten(doc: JsonValue, schema: Schema, where = "schema", depth = 0): JsonObject | boolean {
  if (typeof schema === "boolean") return schema;
  if (depth > 32) throw new Error(`${where}: $ref/allOf nesting too deep (recursive schema?)`);
  let out: JsonObject = {};
  const { $ref, allOf, ...own } = schema;
  if (typeof $ref === "string") {
    const target = flatten(doc, valueAt(doc, $ref) as Schema, $ref, depth + 1);
    if (typeof target === "boolean") return target;
    out = target;
  }
  if (Array.isArray(allOf)) {
    for (const member of allOf) {
      const flat = flatten(doc, member as Schema, where, depth + 1);
      if (flat === false) return false;
      if (flat !== true) out = merge(out, flat, where);
    }
  }
  return merge(own, out, where);
}

/** The JSON type names an instance has (an integer is also a number). */
export function jsonTypes(value: JsonValue): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number") return Number.isInteger(value) ? ["integer", "number"] : ["number"];
  return [typeof value];
}

/** The `type` keyword as a list; undefined when the schema does not constrain the type. */
export function declaredTypes(schema: JsonObject): string[] | undefined {
  if (schema.type === undefined) return undefined;
  return (Array.isArray(schema.type) ? schema.type : [schema.type]).map(String);
}

/**
 * Every value in `value` (the root included) with its path and flattened schema. oneOf/anyOf branches are
 * entered only with `branches` (each branch is walked, whether the value matches it or not).
 */
export function locations(doc: JsonValue, schema: Schema, value: JsonValue, path: Path = [], branches = false): Location[] {
  const flat = flatten(doc, schema, path.join("."));
  if (typeof flat === "boolean") return [];
  const found: Location[] = [{ path, schema: flat, value }];
  if (branches) {
    for (const key of ["oneOf", "anyOf"]) {
      const list = flat[key];
      if (Array.isArray(list)) for (const branch of list) found.push(...locations(doc, branch as Schema, value, path, true));
    }
  }
  if (isObject(value) && isObject(flat.properties)) {
    for (const [name, child] of Object.entries(value)) {
      const childSchema = flat.properties[name];
      if (childSchema !== undefined) found.push(...locations(doc, childSchema as Schema, child, [...path, name], branches));
    }
  }
  if (Array.isArray(value)) {
    const prefix = Array.isArray(flat.prefixItems) ? flat.prefixItems : [];
    value.forEach((item, index) => {
      const itemSchema = index < prefix.length ? prefix[index] : flat.items;
      if (itemSchema !== undefined) found.push(...locations(doc, itemSchema as Schema, item, [...path, index], branches));
    });
  }
  return found;
}

/** `body.tags[0].key` for a path under `root`. */
export function formatPath(root: string, path: Path): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : `${text}.${key}`), root);
}

/** The ajv instancePath (JSON pointer) of a path. */
export function instancePointer(path: Path): string {
  return path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

/** A copy of `root` with the value at `path` replaced, or removed when `replacement` is undefined. */
export function replaceAt(root: JsonValue, path: Path, replacement: JsonValue | undefined): JsonValue | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === "number") {
    const copy = [...root];
    const next = replaceAt(copy[head] ?? null, rest, replacement);
    if (next === undefined) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  if (isObject(root) && typeof head === "string") {
    const copy: JsonObject = { ...root };
    const next = replaceAt(copy[head] ?? null, rest, replacement);
    if (next === undefined) delete copy[head];
    else copy[head] = next;
    return copy;
  }
  throw new Error(`cannot follow ${String(head)} into ${JSON.stringify(root)}`);
}
