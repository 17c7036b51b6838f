/**
 * Valid and negative values for path and query parameters, generated from each parameter's schema as they
 * travel on the wire (strings): the same breaks as bodies (pattern, enum, length, range, format), plus a
 * wrong type where the schema is not a string, omission of a required parameter, and hostile path values.
 */
import { valueAt, type JsonObject, type JsonValue, type Parameter, type Schema } from "./bundled-document.js";
import { sample, type PatternPool } from "./instances.js";
import { scalarBreaks, scalarVariants, type NegativeKind, type ValidKind } from "./mutations.js";
import { declaredTypes, flatten } from "./schema-walk.js";

export type ParameterNegativeKind = NegativeKind | "missing" | "hostile path";

export interface ParameterCase<Kind extends string> {
  kind: Kind;
  parameter: Parameter;
  detail: string;
  /** The value to send; undefined leaves the parameter out. */
  value: string | undefined;
  /** ajv keyword the value breaks, for cases the document itself can judge. */
  keyword?: string;
}

/** Path segments that change the route once a URL is normalised, and an encoded separator. */
const HOSTILE_PATH_VALUES = ["..", "a/b"];

export function toWire(value: JsonValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Error(`parameter value ${JSON.stringify(value)}: only primitive parameters are supported by the contract tests`);
}

/** The typed value a server reads from the wire string (what Prism coerces before validating). */
export function fromWire(schema: JsonObject, text: string): JsonValue {
  const types = declaredTypes(schema) ?? [];
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if ((types.includes("integer") || types.includes("number")) && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  return text;
}

function flatParameterSchema(doc: JsonValue, p: Parameter): JsonObject {
  const flat = flatten(doc, valueAt(doc, p.schemaPointer) as Schema, `parameter ${p.name}`);
  if (typeof flat === "boolean") throw new Error(`parameter ${p.name}: boolean schemas are not supported`);
  return flat;
}

/** The typed value a wire string stands for, to validate against the parameter's schema. */
export function parameterInstance(doc: JsonValue, p: Parameter, text: string): JsonValue {
  return fromWire(flatParameterSchema(doc, p), text);
}

/** A valid wire value: the parameter's first example, else one sampled from its schema. */
export function baseParameterValue(doc: JsonValue, p: Parameter, pool: PatternPool): string {
  const example = p.examples[0];
  return toWire(example !== undefined ? example : sample(doc, valueAt(doc, p.schemaPointer) as Schema, { fill: "all", pool, root: `parameter ${p.name}` }));
}

export function validParameterCases(doc: JsonValue, p: Parameter, pool: PatternPool): ParameterCase<ValidKind | "example" | "boolean value">[] {
  const flat = flatParameterSchema(doc, p);
  const base = baseParameterValue(doc, p, pool);
  const cases: ParameterCase<ValidKind | "example" | "boolean value">[] = p.examples.map((e) => ({ kind: "example", parameter: p, detail: `example ${JSON.stringify(e)}`, value: toWire(e) }));
  for (const v of scalarVariants(flat, fromWire(flat, base))) cases.push({ kind: v.kind, parameter: p, detail: v.detail, value: toWire(v.value) });
  if (declaredTypes(flat)?.includes("boolean") && !Array.isArray(flat.enum)) {
    for (const b of [true, false]) cases.push({ kind: "boolean value", parameter: p, detail: `boolean ${b}`, value: String(b) });
  }
  return cases;
}

export function negativeParameterCases(doc: JsonValue, p: Parameter, pool: PatternPool): ParameterCase<ParameterNegativeKind>[] {
  const flat = flatParameterSchema(doc, p);
  const base = baseParameterValue(doc, p, pool);
  const cases: ParameterCase<ParameterNegativeKind>[] = [];
  if (p.required) cases.push({ kind: "missing", parameter: p, detail: p.in === "path" ? "required, sent empty" : "required, left out", value: p.in === "path" ? "" : undefined });
  const types = declaredTypes(flat);
  if (types && !types.includes("string")) {
    cases.push({ kind: "type", parameter: p, detail: `type ${JSON.stringify(flat.type)} broken with "not-a-${types[0]}"`, value: `not-a-${types[0]}`, keyword: "type" });
  }
  for (const b of scalarBreaks(flat, fromWire(flat, base))) cases.push({ kind: b.kind, parameter: p, detail: b.detail, value: toWire(b.value), keyword: b.keyword });
  if (p.in === "path") {
    for (const value of HOSTILE_PATH_VALUES) cases.push({ kind: "hostile path", parameter: p, detail: `hostile value ${JSON.stringify(value)}`, value });
  }
  return cases;
}
