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
 * `hidden: "allow"` replaces each with the `true` schema: the property may be present, is not checked and
 * is not required, and it still counts as declared (for a check of properties no schema declares, such as
 * the example rule's; "drop" would make it undeclared).
 * A schema of unknown direction (a shared component) takes both views in turn, request on top of response,
 * with "drop" (or "allow"): neither kind of flagged property is then required.
 *
 * Pure functions over plain JSON: no dependency on ajv or the test runner, and plain JavaScript (types in
 * schema-views.d.ts) because its users include a Spectral custom function
 * (.spectral/functions/examplesMatchSchemas.js), and Spectral's ruleset bundler cannot import TypeScript.
 * Input: a bundled document whose $refs are all local ('#/...'); the input is never modified.
 */

import { HTTP_METHODS, isObject as isMap, valueAtPointer } from "../../src/openapi/document.js";

/** The flag that hides a property in each direction. */
const FLAG = { request: "readOnly", response: "writeOnly" };
const HIDDEN_HANDLINGS = ["drop", "forbid", "allow"];

/** JSON Schema 2020-12 keywords whose value is one subschema, a list of them, or a map of them. */
export const SUBSCHEMA_KEYWORDS = Object.freeze({
  single: Object.freeze(["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"]),
  lists: Object.freeze(["allOf", "anyOf", "oneOf", "prefixItems"]),
  maps: Object.freeze(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]),
});
const { single: SINGLE, lists: LISTS, maps: MAPS } = SUBSCHEMA_KEYWORDS;

/**
 * The flag a direction hides; callers from plain JavaScript (the Spectral rule) get no type check, so an
 * unknown direction is an error here rather than a view that silently hides nothing.
 */
function flagOf(direction) {
  if (!Object.hasOwn(FLAG, direction)) throw new TypeError(`direction must be "request" or "response", not ${JSON.stringify(direction)}`);
  return FLAG[direction];
}

function checkHidden(hidden) {
  if (!HIDDEN_HANDLINGS.includes(hidden)) throw new TypeError(`hidden must be "drop", "forbid" or "allow", not ${JSON.stringify(hidden)}`);
}

/**
 * True when the property schema carries the direction's flag itself, beside its $ref, or on its $ref target
 * (through a chain of $refs, bounded so that a $ref cycle ends).
 */
export function isHiddenProperty(doc, property, direction) {
  const flag = flagOf(direction);
  let node = property;
  for (let hops = 0; isMap(node) && hops < 20; hops++) {
    if (node[flag] === true) return true;
    if (typeof node.$ref !== "string") return false;
    node = valueAtPointer(doc, node.$ref);
  }
  return false;
}

/** Names of the properties a schema (and, through allOf and $ref, its parents) hides in this direction. */
export function hiddenPropertyNames(doc, schema, direction, seen = new Set()) {
  const names = new Set();
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
    const target = isMap(parent) && typeof parent.$ref === "string" ? (valueAtPointer(doc, parent.$ref)) : parent;
    for (const name of hiddenPropertyNames(doc, target ?? null, direction, seen)) names.add(name);
  }
  return names;
}

/** Rewrites one schema (recursively) for the direction; reads flags from `original`, never from the copy. */
export function schemaView(original, schema, direction, hidden = "drop") {
  flagOf(direction);
  checkHidden(hidden);
  if (!isMap(schema)) return schema;
  const out = { ...schema };
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
    const properties = {};
    for (const [name, property] of Object.entries(out.properties)) {
      if (!names.has(name)) properties[name] = property;
      else if (hidden === "forbid") properties[name] = false;
      else if (hidden === "allow") properties[name] = true;
    }
    out.properties = properties;
  }
  if (Array.isArray(schema.required)) out.required = schema.required.filter((name) => !names.has(String(name)));
  return out;
}
function mapValues(node, rewrite) {
  return isMap(node) ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, rewrite(v)])) : node;
}
function withKeys(node, rewrites) {
  if (!isMap(node)) return node;
  const out = { ...node };
  for (const [key, rewrite] of Object.entries(rewrites)) if (key in node) out[key] = rewrite(node[key] ?? null);
  return out;
}

/** Rewriters for each OpenAPI object that can hold a schema; `$ref` objects stay as they are (their targets are rewritten). */
function openApiRewriters(visit) {
  const header = (n) => withKeys(n, { schema: visit, content: (c) => mapValues(c, mediaType) });
  const encoding = (n) => withKeys(n, { headers: (h) => mapValues(h, header) });
  const mediaType = (n) => withKeys(n, { schema: visit, encoding: (e) => mapValues(e, encoding) });
  const parameter = header;
  const requestBody = (n) => withKeys(n, { content: (c) => mapValues(c, mediaType) });
  const response = (n) => withKeys(n, { headers: (h) => mapValues(h, header), content: (c) => mapValues(c, mediaType) });
  const parameters = (n) => (Array.isArray(n) ? n.map(parameter) : n);
  const callback = (n) => mapValues(n, (p) => pathItem(p));
  const operation = (n) =>
    withKeys(n, { parameters, requestBody, responses: (r) => mapValues(r, response), callbacks: (c) => mapValues(c, callback) });
  const pathItem = (n) =>
    withKeys(n, { parameters, ...Object.fromEntries(HTTP_METHODS.map((m) => [m, operation])) });
  return { header, parameter, requestBody, response, callback, pathItem };
}

/** A copy of the whole document with every schema rewritten for the direction. */
export function documentView(doc, direction, hidden = "drop") {
  flagOf(direction);
  checkHidden(hidden);
  const visit = (schema) => schemaView(doc, schema, direction, hidden);
  const r = openApiRewriters(visit);
  const componentRewriters = {
    schemas: (m) => mapValues(m, visit),
    parameters: (m) => mapValues(m, r.parameter),
    headers: (m) => mapValues(m, r.header),
    requestBodies: (m) => mapValues(m, r.requestBody),
    responses: (m) => mapValues(m, r.response),
    callbacks: (m) => mapValues(m, r.callback),
    pathItems: (m) => mapValues(m, r.pathItem),
  };
  return (
    withKeys(doc, {
      paths: (m) => mapValues(m, r.pathItem),
      webhooks: (m) => mapValues(m, r.pathItem),
      components: (c) => withKeys(c, componentRewriters),
    })
  );
}
