// A quick yes/no for "does this example match its schema" without compiling (@cfworker/json-schema): ajv's
// compiling was most of the rule's time (bench/PROFILE.md: 3.3 s at 600 operations), so ajv sees only what this
// rejects. It gets ajv-formats' checks and int32/int64 spelled out; one difference is kept on purpose: a decimal
// multipleOf is exact here. test/spectral/examples-interpreter.test.ts checks the two agree, case by case.

import { format as interpreterFormats, validate as interpret } from '@cfworker/json-schema';
import ajvFormats from 'ajv-formats/dist/formats.js';
import { isObject, valueAtPointer } from '../../../src/openapi/document.js';
import { closedRoot, closeObjectSchemas } from './closeObjectSchemas.js';
import { forEachSchema } from '../../../scripts/openapi/schema-views.js';

const { fullFormats } = ajvFormats;

/** ajv-formats' check of a string format as a function, or undefined for a format that applies to numbers. */
function stringFormatCheck(definition) {
  if (definition === true) return () => true;
  if (definition instanceof RegExp) return value => definition.test(value);
  if (typeof definition === 'function') return definition;
  if (isObject(definition) && (definition.type ?? 'string') === 'string') return stringFormatCheck(definition.validate);
  return undefined;
}

// The interpreter's format table is its module's, read on every check: made ajv-formats' here, once per process.
for (const name of Object.keys(interpreterFormats)) delete interpreterFormats[name];
for (const [name, definition] of Object.entries(fullFormats)) {
  const check = stringFormatCheck(definition);
  if (check !== undefined) interpreterFormats[name] = check;
}

/** What ajv's int32 and int64 formats check on a number, written as keywords the interpreter knows. */
const NUMBER_FORMAT_KEYWORDS = {
  int32: { if: { type: 'number' }, then: { type: 'integer', minimum: -(2 ** 31), maximum: 2 ** 31 - 1 } },
  int64: { if: { type: 'number' }, then: { type: 'integer' } },
};

/** Keywords the interpreter would not read as ajv does: those that change the base URI or bind names, and ajv-formats' own. */
const AJV_ONLY_KEYWORDS = ['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'];

/** True when every schema of the document can be given to the interpreter. */
export function interpreterCanCheck(document) {
  let found = false;
  forEachSchema(document, schema => {
    found ||= AJV_ONLY_KEYWORDS.some(keyword => Object.hasOwn(schema, keyword));
  });
  return !found;
}

/**
 * The interpreter's side of one view (the caller's own copy, changed here): closed (closeObjectSchemas),
 * the number formats spelled out. Returns check(ref, value) -> boolean, ref being the schema's local
 * reference in the view ('#/…', as ajvRef writes it); it throws where a $ref leads nowhere.
 */
export function interpreterFor(view) {
  forEachSchema(view, schema => {
    const keywords = NUMBER_FORMAT_KEYWORDS[schema.format];
    if (keywords !== undefined) schema.allOf = [...(Array.isArray(schema.allOf) ? schema.allOf : []), keywords];
  });
  const declares = closeObjectSchemas(view);
  // Every $ref is a local pointer into the view.
  const lookup = new Proxy(Object.create(null), { get: (_, ref) => (typeof ref === 'string' ? valueAtPointer(view, ref) : undefined) });
  return (ref, value) => {
    const schema = closedRoot(valueAtPointer(view, ref), ref, declares);
    return interpret(value, schema, '2020-12', lookup, true).valid;
  };
}
