// Closes object schemas, so that an example showing a property no schema declares fails (docs/lint.md): each
// place a schema is *used* for a value gets `unevaluatedProperties: false` when it declares properties and says
// nothing of extra ones. Definitions and in-place subschemas (allOf, if/then/else, not) are closed through their
// parent; oneOf/anyOf branches are, unless the parent declares properties of its own.

import { isObject, valueAtPointer } from '../../../src/openapi/document.js';
import { forEachSchemaHolder, SUBSCHEMA_KEYWORDS } from '../../../scripts/openapi/schema-views.js';

const { single: SINGLE, lists: LISTS, maps: MAPS } = SUBSCHEMA_KEYWORDS;
/** Keywords whose subschemas are values of their own (a property, an item); the others apply in place, or define. */
const USE_SITES = new Set(['items', 'contains', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'propertyNames', 'contentSchema', 'properties', 'patternProperties', 'prefixItems']);

/** Whether a schema declares properties, itself or through allOf and $refs; memoised per schema object. */
function propertyDeclarations(view) {
  const memo = new WeakMap();
  const declares = (schema, seen) => {
    if (!isObject(schema)) return false;
    if (memo.has(schema)) return memo.get(schema);
    if (seen.has(schema)) return false; // a $ref cycle: decided where it started
    seen.add(schema);
    const result =
      isObject(schema.properties) ||
      isObject(schema.patternProperties) ||
      (Array.isArray(schema.allOf) && schema.allOf.some(branch => declares(branch, seen))) ||
      (typeof schema.$ref === 'string' && declares(valueAtPointer(view, schema.$ref), seen));
    memo.set(schema, result);
    return result;
  };
  return schema => declares(schema, new Set());
}

function shouldClose(schema, declares) {
  return isObject(schema) && !Object.hasOwn(schema, 'additionalProperties') && !Object.hasOwn(schema, 'unevaluatedProperties') && declares(schema);
}

/** Closes every use site of the view (the caller's copy), in place; returns the `declares` function, for closedRoot. */
export function closeObjectSchemas(view) {
  const declares = propertyDeclarations(view);
  const visit = (schema, useSite) => {
    if (!isObject(schema)) return;
    if (useSite && shouldClose(schema, declares)) schema.unevaluatedProperties = false;
    // The parent's own properties (or its allOf's) make anyOf/oneOf branches part of one object, closed at the parent.
    const branchesAreObjects = !declares(schema);
    const isUseSite = keyword => USE_SITES.has(keyword) || (branchesAreObjects && (keyword === 'anyOf' || keyword === 'oneOf'));
    for (const keyword of SINGLE) visit(schema[keyword], isUseSite(keyword));
    for (const keyword of LISTS) if (Array.isArray(schema[keyword])) for (const sub of schema[keyword]) visit(sub, isUseSite(keyword));
    for (const keyword of MAPS) if (isObject(schema[keyword])) for (const sub of Object.values(schema[keyword])) visit(sub, isUseSite(keyword));
  };
  if (isObject(view.components) && isObject(view.components.schemas)) for (const schema of Object.values(view.components.schemas)) visit(schema, false);
  forEachSchemaHolder(view, holder => visit(holder.schema, true));
  return declares;
}

/**
 * The schema to check a value against: the schema itself, or, where it is defined or evaluated in place (a
 * component, an allOf branch) and declares properties, `{$ref: ref, unevaluatedProperties: false}`.
 */
export function closedRoot(schema, ref, declares) {
  return shouldClose(schema, declares) ? { $ref: ref, unevaluatedProperties: false } : schema;
}
