// Walks an *unresolved*, bundled OpenAPI document (every $ref local) as written, so that each schema is
// visited once, where an author edits it; a walk never follows a $ref (its target is visited where defined).

import { pointerKeys, valueAtPointer } from '../../../scripts/openapi/json-pointer.js';
import { SUBSCHEMA_KEYWORDS } from '../../../scripts/openapi/schema-views.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// The JSON Schema 2020-12 keywords that hold subschemas: one list, shared with scripts/openapi/schema-views.js.
const { maps: SCHEMA_MAP_KEYWORDS, lists: SCHEMA_LIST_KEYWORDS, single: SCHEMA_KEYWORDS } = SUBSCHEMA_KEYWORDS;

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(value) {
  return isObject(value) ? Object.entries(value) : [];
}

/** Decodes one JSON-pointer segment ('~1' -> '/', '~0' -> '~'). */
export function decodePointerSegment(segment) {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Encodes a path (array of keys) as a JSON pointer, e.g. ['paths', '/a'] -> '/paths/~1a'. */
export function toJsonPointer(path) {
  return path.map(key => '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Follows a local $ref ('#/components/...') to { value, path }, through chains of $refs.
 * Returns undefined for a non-local $ref or a pointer that leads nowhere.
 */
export function resolveLocalRef(document, ref, seen = new Set()) {
  if (typeof ref !== 'string' || !ref.startsWith('#') || seen.has(ref)) return undefined;
  seen.add(ref);
  const path = pointerKeys(ref);
  const value = valueAtPointer(document, ref);
  if (value === undefined) return undefined;
  if (isObject(value) && typeof value.$ref === 'string') return resolveLocalRef(document, value.$ref, seen);
  return { value, path };
}

/**
 * Calls visit(schema, path, direction) for every schema object in one schema tree, the root included.
 * direction is 'request', 'response' or 'either' (a component schema, usable both ways).
 */
export function walkSchema(schema, path, direction, visit) {
  if (!isObject(schema)) return;
  visit(schema, path, direction);
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    for (const [name, sub] of entries(schema[keyword])) walkSchema(sub, [...path, keyword, name], direction, visit);
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    if (Array.isArray(schema[keyword])) {
      schema[keyword].forEach((sub, i) => walkSchema(sub, [...path, keyword, i], direction, visit));
    }
  }
  for (const keyword of SCHEMA_KEYWORDS) {
    const sub = schema[keyword];
    if (Array.isArray(sub)) sub.forEach((s, i) => walkSchema(s, [...path, keyword, i], direction, visit));
    else walkSchema(sub, [...path, keyword], direction, visit);
  }
}

/**
 * Calls visit(holder, path, direction) for every object that can carry a `schema` and examples:
 * media type objects, parameters and headers. A $ref'd parameter, header, request body or response
 * is skipped here: it is visited where components define it.
 */
export function forEachSchemaHolder(document, visit) {
  const content = (node, path, direction) => {
    for (const [mediaType, media] of entries(node?.content)) visit(media, [...path, 'content', mediaType], direction);
  };
  const parameterOrHeader = (node, path, direction) => {
    if (!isObject(node) || '$ref' in node) return;
    visit(node, path, direction);
    content(node, path, direction);
  };
  const requestBody = (node, path) => {
    if (isObject(node) && !('$ref' in node)) content(node, path, 'request');
  };
  const response = (node, path) => {
    if (!isObject(node) || '$ref' in node) return;
    content(node, path, 'response');
    for (const [name, header] of entries(node.headers)) parameterOrHeader(header, [...path, 'headers', name], 'response');
  };
  const pathItem = (item, path) => {
    if (!isObject(item) || '$ref' in item) return;
    (item.parameters ?? []).forEach((p, i) => parameterOrHeader(p, [...path, 'parameters', i], 'request'));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const opPath = [...path, method];
      if (Array.isArray(operation.parameters)) {
        operation.parameters.forEach((p, i) => parameterOrHeader(p, [...opPath, 'parameters', i], 'request'));
      }
      requestBody(operation.requestBody, [...opPath, 'requestBody']);
      for (const [code, res] of entries(operation.responses)) response(res, [...opPath, 'responses', code]);
    }
  };

  for (const [name, item] of entries(document.paths)) pathItem(item, ['paths', name]);
  for (const [name, item] of entries(document.webhooks)) pathItem(item, ['webhooks', name]);
  const components = isObject(document.components) ? document.components : {};
  for (const [name, p] of entries(components.parameters)) parameterOrHeader(p, ['components', 'parameters', name], 'request');
  for (const [name, h] of entries(components.headers)) parameterOrHeader(h, ['components', 'headers', name], 'response');
  for (const [name, rb] of entries(components.requestBodies)) requestBody(rb, ['components', 'requestBodies', name]);
  for (const [name, res] of entries(components.responses)) response(res, ['components', 'responses', name]);
}

/** Calls visit(schema, path, direction) for every schema object anywhere in the document. */
export function forEachSchema(document, visit) {
  const components = isObject(document.components) ? document.components : {};
  for (const [name, schema] of entries(components.schemas)) walkSchema(schema, ['components', 'schemas', name], 'either', visit);
  forEachSchemaHolder(document, (holder, path, direction) => walkSchema(holder.schema, [...path, 'schema'], direction, visit));
}
