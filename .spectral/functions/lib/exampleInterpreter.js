// A quick yes/no for "does this example match its schema", without compiling anything.
//
// atlas-examples-valid validates each example once. ajv compiles a validator (generates and evaluates
// JavaScript) per schema before it can answer: at 6,000 operations that was 26,000 functions and most of
// the rule's 23 s, for examples that are nearly all valid. @cfworker/json-schema interprets the schema
// instead (JSON Schema 2020-12, unevaluatedProperties included), so a valid example costs a walk of the
// example. Only an example it rejects goes to ajv, whose errors the rule reports (ajv's messages, paths and
// all; an ajv that finds nothing wrong after all reports nothing).
//
// So that "valid here" means "valid to ajv", the interpreter is given ajv's view of the keywords where the
// two differ:
//   - formats: ajv-formats' own checks replace the interpreter's table (the same names, the same code);
//   - the number formats (int32, int64), which the interpreter does not check: in its copy of the view a
//     schema with one also gets the equivalent keywords (an integer, within int32's range);
//   - keywords the interpreter does not know ($dynamicRef and the other location-dependent ones,
//     ajv-formats' formatMinimum and friends): a document that uses one is validated by ajv alone.
// One difference is kept on purpose: multipleOf with a decimal divisor is answered in exact decimals here,
// where ajv divides in floating point and rejects 0.07 as a multiple of 0.01.
// test/spectral/examples-interpreter.test.ts checks the two agree, case by case, and that one difference.

import { format as interpreterFormats, validate as interpret } from '@cfworker/json-schema';
import ajvFormats from 'ajv-formats/dist/formats.js';
import { valueAtPointer } from '../../../src/openapi/document.js';
import { closedRoot, closeObjectSchemas } from './closeObjectSchemas.js';
import { forEachSchema, isObject } from './openapiWalk.js';

const { fullFormats } = ajvFormats;

/** ajv-formats' check of a string format as a function, or undefined for a format that applies to numbers. */
function stringFormatCheck(definition) {
  if (definition === true) return () => true;
  if (definition instanceof RegExp) return value => definition.test(value);
  if (typeof definition === 'function') return definition;
  if (isObject(definition) && (definition.type ?? 'string') === 'string') return stringFormatCheck(definition.validate);
  return undefined;
}

// The interpreter's format table is its module's, read on every check: it is made ajv-formats' here, once,
// for the one process (the Spectral worker, or the CLI) that loads this rule.
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

/** Keywords that change the base URI or bind names: where they appear, equal text need not mean equal schema. */
export const LOCATION_DEPENDENT_KEYWORDS = ['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef'];

/** Keywords whose meaning the interpreter would not give as ajv does: the above, and ajv-formats' own. */
const AJV_ONLY_KEYWORDS = [...LOCATION_DEPENDENT_KEYWORDS, 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'];

/** True when some schema of the document carries one of the keywords. */
export function usesSchemaKeywords(document, keywords) {
  let found = false;
  forEachSchema(document, schema => {
    found ||= keywords.some(keyword => Object.hasOwn(schema, keyword));
  });
  return found;
}

/** True when every schema of the document can be given to the interpreter. */
export function interpreterCanCheck(document) {
  return !usesSchemaKeywords(document, AJV_ONLY_KEYWORDS);
}

/**
 * The interpreter's side of one view (the caller's own copy, changed here): closed (closeObjectSchemas),
 * the number formats spelled out. Returns check(ref, value) -> boolean, ref being the schema's local
 * reference in the view ('#/…', as ajvRef writes it); it throws where a $ref leads nowhere.
 */
export function interpreterFor(view) {
  const declares = closeObjectSchemas(view, schema => {
    const keywords = NUMBER_FORMAT_KEYWORDS[schema.format];
    if (keywords !== undefined) schema.allOf = [...(Array.isArray(schema.allOf) ? schema.allOf : []), keywords];
  });
  // Every $ref is a local pointer into the view: resolved when first asked for, then remembered.
  const resolved = new Map();
  const lookup = new Proxy(Object.create(null), {
    get(_, ref) {
      if (typeof ref !== 'string') return undefined;
      if (!resolved.has(ref)) resolved.set(ref, valueAtPointer(view, ref));
      return resolved.get(ref);
    },
  });
  return (ref, value) => {
    const schema = closedRoot(valueAtPointer(view, ref), ref, declares);
    return interpret(value, schema, '2020-12', lookup, true).valid;
  };
}
