// Walks an *unresolved*, bundled OpenAPI document (every $ref local) as written, so that each schema is
// visited once, where an author edits it; a walk never follows a $ref (its target is visited where defined).

import { decodeSegment, followRefs, HTTP_METHODS, isObject, pointerKeys, pointerOf } from '../../../src/openapi/document.js';
import { SUBSCHEMA_KEYWORDS } from '../../../scripts/openapi/schema-views.js';

export { HTTP_METHODS, isObject, decodeSegment as decodePointerSegment };

// The JSON Schema 2020-12 keywords that hold subschemas: one list, shared with scripts/openapi/schema-views.js.
const { maps: SCHEMA_MAP_KEYWORDS, lists: SCHEMA_LIST_KEYWORDS, single: SCHEMA_KEYWORDS } = SUBSCHEMA_KEYWORDS;

function entries(value) {
  return isObject(value) ? Object.entries(value) : [];
}

/** Encodes a path (array of keys) as a JSON pointer, e.g. ['paths', '/a'] -> '/paths/~1a'. */
export function toJsonPointer(path) {
  return pointerOf(path).slice(1);
}

/** Follows a local $ref to { value, path }, through chains of $refs; undefined when it cannot be followed. */
export function resolveLocalRef(document, ref) {
  const found = followRefs(document, { $ref: ref });
  return found === undefined ? undefined : { value: found.value, path: pointerKeys(found.pointer) };
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
