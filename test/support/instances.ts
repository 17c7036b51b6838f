/**
 * Valid instances sampled from a schema. Strings under a `pattern` take their value from the document's
 * own examples (a pool keyed by pattern), so no regex inversion is needed and a pattern no example
 * satisfies is reported as a gap in the document rather than guessed at.
 */
import { isObject, listOperations, readBundledDocument, valueAt, type JsonObject, type JsonValue, type Schema } from "./bundled-document.js";
import { declaredTypes, flatten, formatPath, locations, type Path } from "./schema-walk.js";

/** Values that satisfy each format ajv-formats checks. */
const FORMAT_SAMPLES: Record<string, string> = {
  email: "user@example.com",
  "date-time": "2025-05-04T09:42:00Z",
  date: "2025-05-04",
  time: "09:42:00Z",
  uri: "https://example.com/a",
  "uri-reference": "/a",
  url: "https://example.com/a",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  password: "secret",
};

/** Length as ajv counts it (code points, not UTF-16 units). */
export function codePointLength(text: string): number {
  return [...text].length;
}

function fitsLength(text: string, schema: JsonObject): boolean {
  const length = codePointLength(text);
  return length >= Number(schema.minLength ?? 0) && length <= Number(schema.maxLength ?? Infinity);
}

/** Strings the document's examples use under each pattern. */
export class PatternPool {
  private readonly values = new Map<string, string[]>();

  add(pattern: string, value: string): void {
    const list = this.values.get(pattern) ?? [];
    if (!list.includes(value)) list.push(value);
    this.values.set(pattern, list);
  }

  /** A value matching the schema's pattern (and its length limits), or an error naming where one was needed. */
  valueFor(schema: JsonObject, where: string): string {
    const pattern = String(schema.pattern);
    const regex = new RegExp(pattern, "u");
    const found = (this.values.get(pattern) ?? []).find((v) => regex.test(v) && fitsLength(v, schema));
    if (found === undefined) {
      throw new Error(`${where}: no example in the document gives a value for pattern ${pattern}; add one so the contract tests can sample it`);
    }
    return found;
  }

  /** Collects pattern-constrained strings from every example of the document (media types, parameters, schemas). */
  static fromDocument(doc: JsonObject = readBundledDocument()): PatternPool {
    const pool = new PatternPool();
    const collect = (schema: Schema, example: JsonValue): void => {
      for (const at of locations(doc, schema, example, [], true)) {
        if (typeof at.value === "string" && typeof at.schema.pattern === "string") pool.add(at.schema.pattern, at.value);
      }
    };
    for (const op of listOperations(doc)) {
      for (const p of op.parameters) for (const example of p.examples) collect(p.schema, example);
      const media = [...(op.requestBody?.contents ?? []), ...op.responses.flatMap((r) => r.contents)];
      for (const m of media) {
        if (m.schemaPointer === undefined) continue;
        for (const example of m.examples.values()) collect(valueAt(doc, m.schemaPointer) as Schema, example);
      }
    }
    const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    for (const schema of Object.values(schemas)) {
      if (!isObject(schema)) continue;
      const examples = [...(schema.example !== undefined ? [schema.example] : []), ...(Array.isArray(schema.examples) ? schema.examples : [])];
      for (const example of examples) collect(schema, example);
    }
    return pool;
  }
}

export type Fill = "required" | "all";

export interface SampleOptions {
  /** "required": only required properties and the fewest array items; "all": every property, at least one item. */
  fill: Fill;
  pool: PatternPool;
  /** Prefix for error messages, e.g. "createProject body". */
  root: string;
}

function clampNumber(schema: JsonObject, preferred: number, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let low = -Infinity;
  let high = Infinity;
  if (typeof schema.minimum === "number") low = schema.minimum;
  if (typeof schema.exclusiveMinimum === "number") low = Math.max(low, schema.exclusiveMinimum + step);
  if (typeof schema.maximum === "number") high = schema.maximum;
  if (typeof schema.exclusiveMaximum === "number") high = Math.min(high, schema.exclusiveMaximum - step);
  let value = Math.min(Math.max(preferred, low), high);
  if (typeof schema.multipleOf === "number") value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  return integer ? Math.ceil(value) : value;
}

/** One valid instance of `schema` (resolved in `doc`, normally the request or response view). */
export function sample(doc: JsonValue, schema: Schema, options: SampleOptions, path: Path = []): JsonValue {
  const where = formatPath(options.root, path);
  const flat = flatten(doc, schema, where);
  if (flat === false) throw new Error(`${where}: the schema accepts nothing`);
  if (flat === true) return "any";
  if ("const" in flat) return flat.const ?? null;
  if (Array.isArray(flat.enum)) {
    if (flat.enum.length === 0) throw new Error(`${where}: empty enum`);
    return flat.enum[0]!;
  }
  for (const key of ["oneOf", "anyOf"]) {
    const branches = flat[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const { [key]: _branches, ...rest } = flat;
      return sample(doc, { allOf: [rest, branches[0]!] }, options, path);
    }
  }
  const types = declaredTypes(flat)?.filter((t) => t !== "null");
  const type =
    types?.[0] ??
    (isObject(flat.properties) ? "object" : flat.items !== undefined ? "array" : flat.minimum !== undefined || flat.maximum !== undefined ? "number" : "string");
  switch (type) {
    case "string": {
      if (typeof flat.pattern === "string") return options.pool.valueFor(flat, where);
      if (typeof flat.format === "string") {
        const value = FORMAT_SAMPLES[flat.format];
        if (value === undefined) throw new Error(`${where}: no sample value for format ${flat.format}`);
        return value;
      }
      const length = Math.min(Math.max(8, Number(flat.minLength ?? 0)), Number(flat.maxLength ?? Infinity));
      return "x".repeat(length);
    }
    case "integer":
      return clampNumber(flat, 1, true);
    case "number":
      return clampNumber(flat, 1.5, false);
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const wanted = Math.max(Number(flat.minItems ?? 0), options.fill === "all" ? 1 : 0);
      const count = Math.min(wanted, Number(flat.maxItems ?? Infinity));
      const items: JsonValue[] = [];
      for (let i = 0; i < count; i++) items.push(sample(doc, (flat.items ?? true) as Schema, options, [...path, i]));
      return items;
    }
    case "object": {
      const properties = isObject(flat.properties) ? flat.properties : {};
      const required = Array.isArray(flat.required) ? flat.required.map(String) : [];
      const names = options.fill === "all" ? [...new Set([...Object.keys(properties), ...required])] : required;
      const out: JsonObject = {};
      for (const name of names) out[name] = sample(doc, (properties[name] ?? true) as Schema, options, [...path, name]);
      return out;
    }
    default:
      throw new Error(`${where}: cannot sample type ${type}`);
  }
}
