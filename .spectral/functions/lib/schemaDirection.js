// Prepares an OpenAPI document's schemas for validating a request or a response value.
//
// The document keeps OAS 3.0 readOnly/writeOnly semantics: a readOnly property listed in `required`
// is required in responses only (the server assigns it; e.g. ConnectedOrgConfigResponse.orgId), and
// a writeOnly one in requests only. JSON Schema validators treat readOnly/writeOnly as annotations,
// so a correct request example would fail for a missing server-assigned field. This module returns
// a copy of the document in which every `required` list drops the properties its direction does not
// carry; nothing else changes, so the copy can be handed to any JSON Schema 2020-12 validator.
//
// Input: a bundled document whose $refs are all local ('#/...'). Pure: the input is not modified.

import { derefLocal, forEachSchema, isObject } from './openapiWalk.js';

/** Which flags drop a property from `required`, per direction ('either' = a component of unknown use). */
const DROPPED_FLAGS = {
  request: ['readOnly'],
  response: ['writeOnly'],
  either: ['readOnly', 'writeOnly'],
};

/** True when the schema, or the chain of local $refs it starts, says flag: true. */
function hasFlag(document, schema, flag, seen = new Set()) {
  if (!isObject(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (schema[flag] === true) return true;
  return typeof schema.$ref === 'string' && hasFlag(document, derefLocal(document, schema), flag, seen);
}

/** Finds the schema of property `name` in schema, its $ref target or its allOf members. */
function findPropertySchema(document, schema, name, seen = new Set()) {
  if (!isObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  if (isObject(schema.properties) && Object.hasOwn(schema.properties, name)) return schema.properties[name];
  if (typeof schema.$ref === 'string') {
    const found = findPropertySchema(document, derefLocal(document, schema), name, seen);
    if (found !== undefined) return found;
  }
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const found = findPropertySchema(document, member, name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Returns a deep copy of document in which each schema's `required` omits the properties that are
 * readOnly (direction 'request'), writeOnly ('response') or either ('either').
 * @param {object} document bundled OpenAPI document (local $refs only)
 * @param {'request' | 'response' | 'either'} direction
 */
export function prepareDocumentForDirection(document, direction) {
  const flags = DROPPED_FLAGS[direction];
  if (flags === undefined) {
    throw new TypeError(`direction must be 'request', 'response' or 'either', not ${JSON.stringify(direction)}`);
  }
  // A JSON round trip, not structuredClone: parsers (Spectral's among them) hand over objects that
  // structuredClone refuses, and an OpenAPI document is JSON data anyway.
  const copy = JSON.parse(JSON.stringify(document));
  forEachSchema(copy, schema => {
    if (!Array.isArray(schema.required)) return;
    schema.required = schema.required.filter(name => {
      const property = findPropertySchema(copy, schema, name);
      return !flags.some(flag => hasFlag(copy, property, flag));
    });
  });
  return copy;
}
