// Closing object schemas, so that an example that shows a property no schema declares fails validation.
//
// JSON Schema leaves an object open: `{properties: {name: …}}` accepts `{name: 'a', nmae: 'b'}`. An
// example carrying a property the schema does not declare is nearly always a typo or a stale field, so
// atlas-examples-valid checks for it, as Redocly's no-invalid-media-type-examples does with its
// `allowAdditionalProperties: false` default (that rule is off in redocly.yaml: this one checks the same
// examples and more, once).
//
// How: in a view (a copy of the document the rule owns), every place a schema is *used* for a value gets
// `unevaluatedProperties: false`, when the schema declares properties (itself, or through allOf and $refs)
// and says nothing of extra ones (no additionalProperties, no unevaluatedProperties). JSON Schema 2020-12's
// unevaluatedProperties sees every property a successful in-place subschema (allOf, anyOf, oneOf, $ref,
// if/then/else) declared, so a property from any allOf branch counts as declared. Not closed:
//   - a schema where it is defined (components.schemas.X, $defs): X is also an allOf branch elsewhere,
//     where closing it would reject its siblings' properties; it is closed where it is used
//     (`{$ref: X, unevaluatedProperties: false}`), and at the root when an example is checked against X;
//   - allOf branches, if/then/else and not: they are evaluated in place of their parent, which is closed;
//   - oneOf/anyOf branches when their parent declares properties of its own (then the parent is closed,
//     over the branch that matched); otherwise each branch is closed, a union of distinct objects.
// A schema that declares no properties at all (`{type: object}`, a free-form map) stays open.

import { valueAtPointer } from '../../../src/openapi/document.js';
import { forEachSchemaHolder, isObject } from './openapiWalk.js';

/** Keywords whose subschemas are values of their own (a property, an item): places where a schema is used. */
const USE_SITE_SINGLE = ['items', 'contains', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'propertyNames', 'contentSchema'];
const USE_SITE_MAPS = ['properties', 'patternProperties'];
/** Keywords whose subschemas apply to the same value as their parent, or are only definitions. */
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else'];
const IN_PLACE_MAPS = ['dependentSchemas', '$defs', 'definitions'];

/**
 * Tells whether a schema declares properties, itself or through allOf and $refs; one per view, memoised
 * per schema object (at 6,000 operations the same component is asked about at thousands of places).
 */
export function propertyDeclarations(view) {
  const memo = new WeakMap();
  const declares = (schema, seen) => {
    if (!isObject(schema)) return false;
    const known = memo.get(schema);
    if (known !== undefined) return known;
    if (seen.has(schema)) return false; // a $ref cycle: decided where it started
    seen.add(schema);
    let result = isObject(schema.properties) || isObject(schema.patternProperties);
    if (!result && Array.isArray(schema.allOf)) result = schema.allOf.some(branch => declares(branch, seen));
    if (!result && typeof schema.$ref === 'string') result = declares(valueAtPointer(view, schema.$ref), seen);
    memo.set(schema, result);
    return result;
  };
  return schema => declares(schema, new Set());
}

/** True when a schema at a use site gets `unevaluatedProperties: false`. */
function shouldClose(schema, declares) {
  return isObject(schema) && !Object.hasOwn(schema, 'additionalProperties') && !Object.hasOwn(schema, 'unevaluatedProperties') && declares(schema);
}

/**
 * Closes, in place, every use site of the view (which must be the caller's own copy). `visitSchema`, when
 * given, is called once for every schema object after its subschemas (the rule adds its interpreter's
 * checks there). Returns the `declares` function used, for closedRoot.
 */
export function closeObjectSchemas(view, visitSchema = undefined) {
  const declares = propertyDeclarations(view);
  const visit = (schema, useSite) => {
    if (!isObject(schema)) return;
    if (useSite && shouldClose(schema, declares)) schema.unevaluatedProperties = false;
    for (const keyword of USE_SITE_MAPS) if (isObject(schema[keyword])) for (const sub of Object.values(schema[keyword])) visit(sub, true);
    for (const keyword of IN_PLACE_MAPS) if (isObject(schema[keyword])) for (const sub of Object.values(schema[keyword])) visit(sub, false);
    for (const keyword of USE_SITE_SINGLE) visit(schema[keyword], true);
    for (const keyword of IN_PLACE_SINGLE) visit(schema[keyword], false);
    if (Array.isArray(schema.prefixItems)) for (const sub of schema.prefixItems) visit(sub, true);
    if (Array.isArray(schema.allOf)) for (const sub of schema.allOf) visit(sub, false);
    // The parent's own properties (or its allOf's) make the branches part of one object, closed at the parent.
    const branchesAreObjects = !declares(schema);
    for (const keyword of ['anyOf', 'oneOf']) if (Array.isArray(schema[keyword])) for (const sub of schema[keyword]) visit(sub, branchesAreObjects);
    visitSchema?.(schema);
  };
  const components = isObject(view.components) ? view.components : {};
  if (isObject(components.schemas)) for (const schema of Object.values(components.schemas)) visit(schema, false);
  forEachSchemaHolder(view, holder => visit(holder.schema, true));
  return declares;
}

/**
 * The schema to check a value against at schemaPath of a closed view: the schema itself, or, where it is
 * defined or evaluated in place (a component, an allOf branch) and declares properties, a closed reference
 * to it, `{$ref: ref, unevaluatedProperties: false}` (ref names the schema: '#/…', or an ajv id and fragment).
 */
export function closedRoot(schema, ref, declares) {
  if (!shouldClose(schema, declares)) return schema;
  return { $ref: ref, unevaluatedProperties: false };
}
