// Types for schema-views.js (plain JavaScript so that the Spectral rule atlas-examples-valid can import it).

/** "request" hides readOnly properties, "response" writeOnly ones. */
export type Direction = "request" | "response";
/** "drop" removes a hidden property (as Prism does); "forbid" makes it the `false` schema; "allow" the `true` schema. */
export type HiddenHandling = "drop" | "forbid" | "allow";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

/** JSON Schema 2020-12 keywords whose value is one subschema, a list of them, or a map of them. */
export const SUBSCHEMA_KEYWORDS: {
  readonly single: readonly ["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
  readonly lists: readonly ["allOf", "anyOf", "oneOf", "prefixItems"];
  readonly maps: readonly ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];
};

/** A shallow copy of a schema with each direct subschema replaced by rewrite(subschema). */
export function mapSubschemas(schema: JsonMap, rewrite: (subschema: Json) => Json): JsonMap;

/** True when the property schema carries the direction's flag itself, beside its $ref, or on its $ref target. */
export function isHiddenProperty(doc: Json, property: Json, direction: Direction): boolean;

/** Names of the properties a schema (and, through allOf and $ref, its parents) hides in this direction. */
export function hiddenPropertyNames(doc: Json, schema: Json, direction: Direction, seen?: Set<Json>): Set<string>;

/** Rewrites one schema (recursively) for the direction; reads flags from `original`. Throws a TypeError for an unknown direction or handling. */
export function schemaView(original: Json, schema: Json, direction: Direction, hidden?: HiddenHandling): Json;

/** A copy of the whole document with every schema rewritten for the direction; the input is not modified. */
export function documentView<T extends Json>(doc: T, direction: Direction, hidden?: HiddenHandling): T;
