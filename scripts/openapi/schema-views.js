/**
 * Request and response views of an OpenAPI 3.1 document with OAS 3.0 readOnly/writeOnly semantics (docs/testing.md):
 * each hidden property is dropped ("drop", as Prism does), made the `false` ("forbid") or the `true` schema ("allow").
 * Plain JavaScript (types in schema-views.d.ts) because the Spectral ruleset imports it. Input: a bundle, never modified.
 */

import { HTTP_METHODS, isObject as isMap, valueAtPointer } from "../../src/openapi/document.js";

/** The flag that hides a property in each direction. */
export const FLAG = { request: "readOnly", response: "writeOnly" };
const HIDDEN_HANDLINGS = ["drop", "forbid", "allow"];

/** JSON Schema 2020-12 keywords whose value is one subschema, a list of them, or a map of them. */
export const SUBSCHEMA_KEYWORDS = Object.freeze({
  single: Object.freeze(["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"]),
  lists: Object.freeze(["allOf", "anyOf", "oneOf", "prefixItems"]),
  maps: Object.freeze(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"]),
});
const { single: SINGLE, lists: LISTS, maps: MAPS } = SUBSCHEMA_KEYWORDS;

/** Callers from plain JavaScript get no type check: an unknown direction or handling is an error, not a silent no-op. */
function checkArguments(direction, hidden) {
  if (!Object.hasOwn(FLAG, direction)) throw new TypeError(`direction must be "request" or "response", not ${JSON.stringify(direction)}`);
  if (!HIDDEN_HANDLINGS.includes(hidden)) throw new TypeError(`hidden must be "drop", "forbid" or "allow", not ${JSON.stringify(hidden)}`);
}

const mapValues = (map, rewrite) => Object.fromEntries(Object.entries(map).map(([key, value]) => [key, rewrite(value)]));

/** A shallow copy of a schema with each direct subschema replaced by rewrite(subschema). */
export function mapSubschemas(schema, rewrite) {
  const out = { ...schema };
  for (const key of SINGLE) if (key in schema) out[key] = rewrite(schema[key]);
  for (const key of LISTS) if (Array.isArray(schema[key])) out[key] = schema[key].map(rewrite);
  for (const key of MAPS) if (isMap(schema[key])) out[key] = mapValues(schema[key], rewrite);
  return out;
}

/** True when the property schema carries the direction's flag itself, beside its $ref, or along its $ref chain (bounded: a cycle ends). */
export function isHiddenProperty(doc, property, direction) {
  checkArguments(direction, "drop");
  let node = property;
  for (let hops = 0; isMap(node) && hops < 20; hops++) {
    if (node[FLAG[direction]] === true) return true;
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
  for (const [name, property] of Object.entries(isMap(schema.properties) ? schema.properties : {})) {
    if (isHiddenProperty(doc, property, direction)) names.add(name);
  }
  const parents = [...(Array.isArray(schema.allOf) ? schema.allOf : []), ...(typeof schema.$ref === "string" ? [schema] : [])];
  for (const parent of parents) {
    const target = isMap(parent) && typeof parent.$ref === "string" ? valueAtPointer(doc, parent.$ref) : parent;
    for (const name of hiddenPropertyNames(doc, target ?? null, direction, seen)) names.add(name);
  }
  return names;
}

/** Rewrites one schema (recursively) for the direction; reads flags from `original`, never from the copy. */
export function schemaView(original, schema, direction, hidden = "drop") {
  checkArguments(direction, hidden);
  if (!isMap(schema)) return schema;
  const out = mapSubschemas(schema, (sub) => schemaView(original, sub ?? null, direction, hidden));
  const names = hiddenPropertyNames(original, schema, direction);
  if (names.size === 0) return out;
  if (isMap(out.properties)) {
    const replacement = { forbid: false, allow: true };
    const kept = Object.entries(out.properties).filter(([name]) => !names.has(name) || hidden !== "drop");
    out.properties = Object.fromEntries(kept.map(([name, property]) => [name, names.has(name) ? replacement[hidden] : property]));
  }
  if (Array.isArray(schema.required)) out.required = schema.required.filter((name) => !names.has(String(name)));
  return out;
}

/**
 * Calls visit(holder, path, direction) for every object that can carry a `schema` and examples (media types,
 * parameters, headers) in paths, webhooks, callbacks and components; direction is "request" or "response".
 * A $ref'd object is skipped: it is visited where components define it.
 */
export function forEachSchemaHolder(doc, visit) {
  const own = (node) => isMap(node) && !("$ref" in node);
  const each = (map, path, fn) => {
    for (const [key, value] of Object.entries(isMap(map) ? map : {})) fn(value, [...path, key]);
  };
  const content = (node, path, direction) =>
    each(node.content, [...path, "content"], (media, at) => {
      if (!isMap(media)) return;
      visit(media, at, direction);
      each(media.encoding, [...at, "encoding"], (encoding, e) => isMap(encoding) && each(encoding.headers, [...e, "headers"], (h, p) => header(h, p, direction)));
    });
  const header = (node, path, direction) => {
    if (!own(node)) return;
    visit(node, path, direction);
    content(node, path, direction);
  };
  const requestBody = (node, path) => own(node) && content(node, path, "request");
  const response = (node, path) => {
    if (!own(node)) return;
    content(node, path, "response");
    each(node.headers, [...path, "headers"], (h, p) => header(h, p, "response"));
  };
  const parameters = (list, path) => Array.isArray(list) && list.forEach((p, i) => header(p, [...path, "parameters", i], "request"));
  const callback = (node, path) => own(node) && each(node, path, pathItem);
  const pathItem = (item, path) => {
    if (!own(item)) return;
    parameters(item.parameters, path);
    for (const method of HTTP_METHODS.filter((m) => isMap(item[m]))) {
      const operation = item[method];
      parameters(operation.parameters, [...path, method]);
      requestBody(operation.requestBody, [...path, method, "requestBody"]);
      each(operation.responses, [...path, method, "responses"], response);
      each(operation.callbacks, [...path, method, "callbacks"], callback);
    }
  };
  each(doc.paths, ["paths"], pathItem);
  each(doc.webhooks, ["webhooks"], pathItem);
  const components = isMap(doc.components) ? doc.components : {};
  const inComponents = (key, fn) => each(components[key], ["components", key], fn);
  inComponents("parameters", (p, path) => header(p, path, "request"));
  inComponents("headers", (h, path) => header(h, path, "response"));
  inComponents("requestBodies", requestBody);
  inComponents("responses", response);
  inComponents("callbacks", callback);
  inComponents("pathItems", pathItem);
}

/** Calls visit(schema, path, direction) for every schema object in the document; a component's direction is "either". */
export function forEachSchema(doc, visit) {
  const walk = (schema, path, direction) => {
    if (!isMap(schema)) return;
    visit(schema, path, direction);
    for (const key of MAPS) for (const [name, sub] of Object.entries(isMap(schema[key]) ? schema[key] : {})) walk(sub, [...path, key, name], direction);
    for (const key of [...LISTS, ...SINGLE]) {
      if (Array.isArray(schema[key])) schema[key].forEach((sub, i) => walk(sub, [...path, key, i], direction));
      else if (SINGLE.includes(key)) walk(schema[key], [...path, key], direction);
    }
  };
  const schemas = isMap(doc.components) && isMap(doc.components.schemas) ? doc.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) walk(schema, ["components", "schemas", name], "either");
  forEachSchemaHolder(doc, (holder, path, direction) => walk(holder.schema, [...path, "schema"], direction));
}

/** A copy of the whole document with every schema rewritten for the direction (only the objects on the way are copied). */
export function documentView(doc, direction, hidden = "drop") {
  checkArguments(direction, hidden);
  const rewrite = (schema) => schemaView(doc, schema, direction, hidden);
  const view = { ...doc };
  const copies = new Set([view]);
  const copyAt = (path) =>
    path.reduce((node, key) => {
      if (!copies.has(node[key])) copies.add((node[key] = Array.isArray(node[key]) ? [...node[key]] : { ...node[key] }));
      return node[key];
    }, view);
  forEachSchemaHolder(doc, (holder, path) => {
    if ("schema" in holder) copyAt(path).schema = rewrite(holder.schema ?? null);
  });
  if (isMap(doc.components) && isMap(doc.components.schemas)) copyAt(["components"]).schemas = mapValues(doc.components.schemas, rewrite);
  return view;
}
