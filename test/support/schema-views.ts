/**
 * Request and response views of an OpenAPI 3.1 document, with OAS 3.0-style readOnly/writeOnly semantics.
 *
 * JSON Schema 2020-12 treats readOnly/writeOnly as annotations, so a validator compiled straight from the
 * document would require `GroupResponse.clusterCount` in a request and accept it anywhere. The document
 * means what OpenAPI 3.0 said: a readOnly property exists only in responses (and a `required` entry for it
 * applies only there), a writeOnly property only in requests. This module rewrites every schema of a
 * document for one direction:
 *   - "request":  properties marked readOnly are taken out of `properties` and `required`;
 *   - "response": the same for writeOnly.
 * A property counts as marked when the flag sits on the property, beside its `$ref`, or on the schema the
 * `$ref` points to (e.g. `links: {$ref: Links}` with `Links.readOnly: true`). `required` entries inherited
 * through `allOf` are dropped too (GroupResponse requires `clusterCount`, which Group marks readOnly).
 *
 * `hidden: "drop"` (default) mirrors Prism, which strips such properties before validating, so an instance
 * that carries one anyway is not checked further. `hidden: "forbid"` replaces each with the `false` schema,
 * so an instance that carries one fails: used to check that request examples never show a readOnly field.
 *
 * Pure functions over plain JSON: no dependency on ajv or the test runner, so a Spectral rule can reuse it.
 */
export type Direction = "request" | "response";
export type HiddenHandling = "drop" | "forbid";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const FLAG: Record<Direction, "readOnly" | "writeOnly"> = { request: "readOnly", response: "writeOnly" };

/** JSON Schema 2020-12 keywords whose value is one subschema, a list of them, or a map of them. */
export const SUBSCHEMA_KEYWORDS = {
  single: ["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"],
  lists: ["allOf", "anyOf", "oneOf", "prefixItems"],
  maps: ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"],
} as const;
const { single: SINGLE, lists: LISTS, maps: MAPS } = SUBSCHEMA_KEYWORDS;

function isMap(value: unknown): value is JsonMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolveLocal(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: Json | undefined = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = Array.isArray(node) ? node[Number(key)] : isMap(node) ? node[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** True when the property schema carries the direction's flag itself, beside its $ref, or on its $ref target. */
export function isHiddenProperty(doc: Json, property: Json, direction: Direction): boolean {
  const flag = FLAG[direction];
  let node: Json | undefined = property;
  for (let hops = 0; isMap(node) && hops < 20; hops++) {
    if (node[flag] === true) return true;
    if (typeof node.$ref !== "string") return false;
    node = resolveLocal(doc, node.$ref);
  }
  return false;
}

/** Names of the properties a schema (and, through allOf and $ref, its parents) hides in this direction. */
export function hiddenPropertyNames(doc: Json, schema: Json, direction: Direction, seen = new Set<Json>()): Set<string> {
  const names = new Set<string>();
  if (!isMap(schema) || seen.has(schema)) return names;
  seen.add(schema);
  if (isMap(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (isHiddenProperty(doc, property, direction)) names.add(name);
    }
  }
  const parents = [...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  if (typeof schema.$ref === "string") parents.push({ $ref: schema.$ref });
  for (const parent of parents) {
    const target = isMap(parent) && typeof parent.$ref === "string" ? resolveLocal(doc, parent.$ref) : parent;
    for (const name of hiddenPropertyNames(doc, target ?? null, direction, seen)) names.add(name);
  }
  return names;
}

/** Rewrites one schema (recursively) for the direction; reads flags from `original`, never from the copy. */
export function schemaView(original: Json, schema: Json, direction: Direction, hidden: HiddenHandling = "drop"): Json {
  if (!isMap(schema)) return schema;
  const out: JsonMap = { ...schema };
  for (const key of SINGLE) if (key in schema) out[key] = schemaView(original, schema[key] ?? null, direction, hidden);
  for (const key of LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map((s) => schemaView(original, s, direction, hidden));
  }
  for (const key of MAPS) {
    const map = schema[key];
    if (isMap(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, s]) => [k, schemaView(original, s, direction, hidden)]));
  }
  const names = hiddenPropertyNames(original, schema, direction);
  if (names.size === 0) return out;
  if (isMap(out.properties)) {
    const properties: JsonMap = {};
    for (const [name, property] of Object.entries(out.properties)) {
      if (!names.has(name)) properties[name] = property;
      else if (hidden === "forbid") properties[name] = false;
    }
    out.properties = properties;
  }
  if (Array.isArray(schema.required)) out.required = schema.required.filter((name) => !names.has(String(name)));
  return out;
}

type Rewrite = (node: Json) => Json;

function mapValues(node: Json, rewrite: Rewrite): Json {
  return isMap(node) ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rewrite(v)])) : node;
}

function withKeys(node: Json, rewrites: Record<string, Rewrite>): Json {
  if (!isMap(node)) return node;
  const out: JsonMap = { ...node };
  for (const [key, rewrite] of Object.entries(rewrites)) if (key in node) out[key] = rewrite(node[key] ?? null);
  return out;
}

/** Rewriters for each OpenAPI object that can hold a schema; `$ref` objects stay as they are (their targets are rewritten). */
function openApiRewriters(visit: Rewrite) {
  const header: Rewrite = (n) => withKeys(n, { schema: visit, content: (c) => mapValues(c, mediaType) });
  const encoding: Rewrite = (n) => withKeys(n, { headers: (h) => mapValues(h, header) });
  const mediaType: Rewrite = (n) => withKeys(n, { schema: visit, encoding: (e) => mapValues(e, encoding) });
  const parameter = header;
  const requestBody: Rewrite = (n) => withKeys(n, { content: (c) => mapValues(c, mediaType) });
  const response: Rewrite = (n) => withKeys(n, { headers: (h) => mapValues(h, header), content: (c) => mapValues(c, mediaType) });
  const parameters: Rewrite = (n) => (Array.isArray(n) ? n.map(parameter) : n);
  const callback: Rewrite = (n) => mapValues(n, (p) => pathItem(p));
  const operation: Rewrite = (n) =>
    withKeys(n, { parameters, requestBody, responses: (r) => mapValues(r, response), callbacks: (c) => mapValues(c, callback) });
  const pathItem: Rewrite = (n) =>
    withKeys(n, { parameters, ...Object.fromEntries(["get", "put", "post", "delete", "options", "head", "patch", "trace"].map((m) => [m, operation])) });
  return { header, parameter, requestBody, response, callback, pathItem };
}

/** A copy of the whole document with every schema rewritten for the direction. */
export function documentView<T extends Json>(doc: T, direction: Direction, hidden: HiddenHandling = "drop"): T {
  const visit: Rewrite = (schema) => schemaView(doc, schema, direction, hidden);
  const r = openApiRewriters(visit);
  const componentRewriters: Record<string, Rewrite> = {
    schemas: (m) => mapValues(m, visit),
    parameters: (m) => mapValues(m, r.parameter),
    headers: (m) => mapValues(m, r.header),
    requestBodies: (m) => mapValues(m, r.requestBody),
    responses: (m) => mapValues(m, r.response),
    callbacks: (m) => mapValues(m, r.callback),
    pathItems: (m) => mapValues(m, r.pathItem),
  };
  return withKeys(doc, {
    paths: (m) => mapValues(m, r.pathItem),
    webhooks: (m) => mapValues(m, r.pathItem),
    components: (c) => withKeys(c, componentRewriters),
  }) as T;
}
