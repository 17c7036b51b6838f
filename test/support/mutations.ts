/**
 * Cases generated from a schema around one valid base instance:
 *  - negative: drop each required property, give each value a wrong type, break each pattern, enum/const,
 *    length, range, format, array size, unique items and closed object, at every depth;
 *  - valid: every enum value and every length/range/array-size boundary, still inside the schema.
 * Each case says which ajv keyword it breaks (or none) so the caller can check the case against the
 * document before sending it anywhere.
 */
import { isObject, type JsonObject, type JsonValue, type Schema } from "./bundled-document.js";
import { codePointLength } from "./instances.js";
import { declaredTypes, jsonTypes, locations, replaceAt, type Path } from "./schema-walk.js";

export type NegativeKind = "required" | "type" | "pattern" | "enum" | "length" | "range" | "format" | "array size" | "unique items" | "additional property";
export type ValidKind = "enum value" | "boundary" | "unicode pattern match";

export interface Case<Kind extends string> {
  kind: Kind;
  /** Path of the value the case changes. */
  path: Path;
  /** What is broken or exercised, e.g. "maxLength 255 broken". */
  detail: string;
  /** The whole instance with the change applied. */
  instance: JsonValue | undefined;
  /** For negative cases: the ajv keyword the document must report, at `errorPath`. */
  keyword?: string;
  errorPath?: Path;
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** Values of every JSON type, tried in order to find one a schema's `type` forbids. */
const TYPE_PROBES: JsonValue[] = [12345, "wrong type", true, [], {}, 1.5, null];
const NOT_A_FORMAT = " not a valid value ";
/** Non-ASCII strings tried against every pattern: a match must be accepted everywhere (patterns run in Unicode mode). */
const UNICODE_PROBES = ["Café-Ω_1", "プロジェクト42"];

function wrongType(schema: JsonObject): JsonValue | undefined {
  const allowed = declaredTypes(schema);
  if (!allowed) return undefined;
  return TYPE_PROBES.find((probe) => !jsonTypes(probe).some((t) => allowed.includes(t)));
}

/**
 * Strings that break a pattern while keeping within the length limits: a near miss of the valid value
 * (one character changed or added) and, when the pattern also bounds the length, an over-long repeat.
 */
function patternBreaks(schema: JsonObject, value: string): string[] {
  const regex = new RegExp(String(schema.pattern), "u");
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Infinity);
  const fits = (c: string): boolean => !regex.test(c) && codePointLength(c) >= min && codePointLength(c) <= max;
  const nearMiss = [`${value.slice(0, -1)}!`, `${value} `, `!${value}`, " ", "", "x".repeat(Math.max(min, 1))].find(fits);
  const overLong = value.length > 0 ? value.repeat(Math.ceil(300 / value.length)) : undefined;
  return [...(nearMiss === undefined ? [] : [nearMiss]), ...(overLong !== undefined && fits(overLong) && overLong !== nearMiss ? [overLong] : [])];
}

function notInEnum(values: JsonValue[], like: JsonValue): JsonValue {
  if (typeof like === "number") {
    for (let n = 0; ; n++) if (!values.includes(n)) return n;
  }
  if (typeof like === "string") {
    for (let i = 0; ; i++) {
      const candidate = `${like}_NOT_ALLOWED${i || ""}`;
      if (!values.includes(candidate)) return candidate;
    }
  }
  return "NOT_ALLOWED";
}

/** One changed value and what it breaks (negative) or exercises (valid). */
export interface Variant<Kind extends string> {
  kind: Kind;
  detail: string;
  value: JsonValue;
  /** ajv keyword the change breaks (negative variants only). */
  keyword?: string;
}

/** Ways to break one scalar value (string or number) against its flattened schema, type aside. */
export function scalarBreaks(s: JsonObject, value: JsonValue): Variant<NegativeKind>[] {
  const out: Variant<NegativeKind>[] = [];
  const add = (kind: NegativeKind, detail: string, broken: JsonValue, keyword: string): void => {
    out.push({ kind, detail, value: broken, keyword });
  };
  if (Array.isArray(s.enum)) add("enum", `enum [${s.enum.join(", ")}] broken`, notInEnum(s.enum, value), "enum");
  if ("const" in s) add("enum", `const ${JSON.stringify(s.const)} broken`, notInEnum([s.const ?? null], value), "const");
  if (typeof value === "string") {
    if (typeof s.pattern === "string") {
      const broken = patternBreaks(s, value);
      if (broken.length === 0) throw new Error(`cannot break pattern ${s.pattern} within the length limits`);
      for (const b of broken) add("pattern", `pattern ${s.pattern} broken with ${JSON.stringify(b.length > 40 ? `${b.slice(0, 20)}…(${codePointLength(b)} chars)` : b)}`, b, "pattern");
    }
    if (typeof s.minLength === "number" && s.minLength > 0) add("length", `minLength ${s.minLength} broken`, "x".repeat(s.minLength - 1), "minLength");
    if (typeof s.maxLength === "number") add("length", `maxLength ${s.maxLength} broken`, "x".repeat(s.maxLength + 1), "maxLength");
    if (typeof s.format === "string" && s.format !== "password") add("format", `format ${s.format} broken`, NOT_A_FORMAT, "format");
  }
  if (typeof value === "number") {
    const step = declaredTypes(s)?.includes("integer") ? 1 : 0.5;
    if (typeof s.minimum === "number") add("range", `minimum ${s.minimum} broken`, s.minimum - step, "minimum");
    if (typeof s.maximum === "number") add("range", `maximum ${s.maximum} broken`, s.maximum + step, "maximum");
    if (typeof s.exclusiveMinimum === "number") add("range", `exclusiveMinimum ${s.exclusiveMinimum} broken`, s.exclusiveMinimum, "exclusiveMinimum");
    if (typeof s.exclusiveMaximum === "number") add("range", `exclusiveMaximum ${s.exclusiveMaximum} broken`, s.exclusiveMaximum, "exclusiveMaximum");
    if (s.format === "int32") {
      add("range", "int32 range broken (2^31)", INT32.max + 1, "format");
      add("range", "int32 range broken (-2^31 - 1)", INT32.min - 1, "format");
    }
  }
  return out;
}

/** Valid variations of one scalar value: each enum value, each length or range boundary. */
export function scalarVariants(s: JsonObject, value: JsonValue): Variant<ValidKind>[] {
  const out: Variant<ValidKind>[] = [];
  if (Array.isArray(s.enum)) for (const v of s.enum) out.push({ kind: "enum value", detail: `enum value ${JSON.stringify(v)}`, value: v });
  if (typeof value === "string" && typeof s.pattern === "string") {
    const regex = new RegExp(s.pattern, "u");
    for (const probe of UNICODE_PROBES) {
      const fits = codePointLength(probe) >= Number(s.minLength ?? 0) && codePointLength(probe) <= Number(s.maxLength ?? Infinity);
      if (fits && regex.test(probe)) out.push({ kind: "unicode pattern match", detail: `pattern ${s.pattern} matched by ${JSON.stringify(probe)}`, value: probe });
    }
  }
  if (typeof value === "string" && typeof s.pattern !== "string" && typeof s.format !== "string" && !Array.isArray(s.enum)) {
    if (typeof s.minLength === "number") out.push({ kind: "boundary", detail: `minLength ${s.minLength} exactly`, value: "x".repeat(s.minLength) });
    if (typeof s.maxLength === "number") out.push({ kind: "boundary", detail: `maxLength ${s.maxLength} exactly`, value: "x".repeat(s.maxLength) });
  }
  if (typeof value === "number" && !Array.isArray(s.enum)) {
    if (typeof s.minimum === "number") out.push({ kind: "boundary", detail: `minimum ${s.minimum} exactly`, value: s.minimum });
    if (typeof s.maximum === "number") out.push({ kind: "boundary", detail: `maximum ${s.maximum} exactly`, value: s.maximum });
    if (s.format === "int32" && s.minimum === undefined) out.push({ kind: "boundary", detail: "int32 lowest (-2^31)", value: INT32.min });
    if (s.format === "int32" && s.maximum === undefined) out.push({ kind: "boundary", detail: "int32 highest (2^31 - 1)", value: INT32.max });
  }
  return out;
}

/** Negative cases for `base`, an instance valid against `schema` (resolved in `doc`). */
export function negativeCases(doc: JsonValue, schema: Schema, base: JsonValue): Case<NegativeKind>[] {
  const cases: Case<NegativeKind>[] = [];
  const add = (kind: NegativeKind, path: Path, detail: string, value: JsonValue | undefined, keyword: string, errorPath = path): void => {
    cases.push({ kind, path, detail, instance: replaceAt(base, path, value), keyword, errorPath });
  };
  for (const { path, schema: s, value } of locations(doc, schema, base)) {
    const badType = wrongType(s);
    if (badType !== undefined) add("type", path, `type ${JSON.stringify(s.type)} broken with ${JSON.stringify(badType)}`, badType, "type");
    if (isObject(value)) {
      for (const name of Array.isArray(s.required) ? s.required.map(String) : []) {
        if (name in value) add("required", [...path, name], "required property dropped", undefined, "required", path);
      }
      if (s.additionalProperties === false || s.unevaluatedProperties === false) {
        add("additional property", [...path, "unexpectedProperty"], "closed object given an unknown property", "x", s.additionalProperties === false ? "additionalProperties" : "unevaluatedProperties", path);
      }
    }
    for (const b of scalarBreaks(s, value)) add(b.kind, path, b.detail, b.value, b.keyword!);
    if (Array.isArray(value)) {
      if (typeof s.minItems === "number" && s.minItems > 0) add("array size", path, `minItems ${s.minItems} broken`, value.slice(0, s.minItems - 1), "minItems");
      if (typeof s.maxItems === "number" && value.length > 0) {
        add("array size", path, `maxItems ${s.maxItems} broken`, Array.from({ length: s.maxItems + 1 }, (_, i) => value[i % value.length]!), "maxItems");
      }
      // A set-like array (uniqueItems) given its first item twice, e.g. a domain listed twice in domainAllowList.
      if (s.uniqueItems === true && value.length > 0) add("unique items", path, "uniqueItems broken (first item repeated)", [value[0]!, ...value], "uniqueItems");
    }
  }
  return cases;
}

/** Valid variations of `base`: each enum value, each boundary of a length, range or array size. */
export function validCases(doc: JsonValue, schema: Schema, base: JsonValue): Case<ValidKind>[] {
  const cases: Case<ValidKind>[] = [];
  const add = (kind: ValidKind, path: Path, detail: string, value: JsonValue): void => {
    cases.push({ kind, path, detail, instance: replaceAt(base, path, value) });
  };
  for (const { path, schema: s, value } of locations(doc, schema, base)) {
    for (const v of scalarVariants(s, value)) add(v.kind, path, v.detail, v.value);
    if (Array.isArray(value) && value.length > 0) {
      if (typeof s.minItems === "number") add("boundary", path, `minItems ${s.minItems} exactly`, Array.from({ length: s.minItems }, (_, i) => value[i % value.length]!));
      if (typeof s.maxItems === "number" && s.uniqueItems !== true) add("boundary", path, `maxItems ${s.maxItems} exactly`, Array.from({ length: s.maxItems }, (_, i) => value[i % value.length]!));
    }
  }
  return cases;
}
