// atlas-examples-valid: every example, and every schema default, validates against its schema.
//
// Replaces Spectral's oas3-valid-media-example and oas3-valid-schema-example, which compile `pattern`
// without the RegExp `u` flag: the project-name pattern ^[\p{L}\p{N}\-_.(),:&@+']{1,64}$ then means
// "a literal p, L, N ..." and every valid name fails. Here ajv (JSON Schema 2020-12, the OAS 3.1
// dialect) compiles patterns in Unicode mode and checks formats with ajv-formats.
//
// Checked: media type `example` and `examples.*.value` (request bodies, responses, parameters with
// content), parameter and header `example`/`examples`, and `example`/`examples`/`default` inside any
// schema (the built-in rule checked defaults too).
// Values are validated under OAS 3.0-style readOnly/writeOnly semantics, with the views of
// scripts/openapi/schema-views.js (shared with the tests): a request-side value against the request view
// with readOnly properties forbidden (not required, and a request example must never show one), a
// response-side value against the response view with writeOnly ones forbidden, and a value of unknown
// direction (a component schema or parameter) against the request view on top of the response view,
// with both allowed (neither is required, either may be shown).
// A value must not carry a property its schema does not declare (lib/closeObjectSchemas.js: the check
// Redocly's no-invalid-media-type-examples made, which is off in redocly.yaml).
//
// Reads the unresolved, bundled document (local $refs only) and hands all of it to the validators, so
// $refs resolve the way the document wrote them. Each value is first checked by an interpreter
// (lib/exampleInterpreter.js: no compiling); only a value it rejects is validated by ajv, whose errors
// are reported.
import { createRulesetFunction } from '@stoplight/spectral-core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decodePointerSegment, forEachSchema, forEachSchemaHolder, isObject, resolveLocalRef, toJsonPointer } from './lib/openapiWalk.js';
import { closedRoot, closeObjectSchemas } from './lib/closeObjectSchemas.js';
import { interpreterCanCheck, interpreterFor, LOCATION_DEPENDENT_KEYWORDS, usesSchemaKeywords } from './lib/exampleInterpreter.js';
import { ajvRef } from '../../scripts/openapi/openapi-ajv.js';
import { documentView } from '../../scripts/openapi/schema-views.js';

/** The view each direction (as forEachSchemaHolder and forEachSchema name it) validates against: a fresh copy each call. */
const VIEWS = {
  request: document => documentView(document, 'request', 'forbid'),
  response: document => documentView(document, 'response', 'forbid'),
  either: document => documentView(documentView(document, 'response', 'allow'), 'request', 'allow'),
};

/**
 * Where a view has no schema at the example's place (a property the view forbids as `false`, or allows
 * as `true`), the example belongs to the other side: a readOnly property's example is a response value,
 * a writeOnly one's a request value. These views are tried next, in order.
 */
const FALLBACK_VIEWS = {
  request: ['response'],
  response: ['request'],
  either: ['response', 'request'],
};

/** The value at path in a document, or undefined. */
function nodeAt(document, path) {
  let node = document;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Made lazily, once per view and call of the rule: the view's closed copy for the interpreter, and (only
 * when some value fails there) a closed copy with ajv's validators. Not kept after the call: at 6,000
 * operations views and validators are most of a GB of heap, which every garbage collection during the
 * other rules would otherwise walk.
 */
function checkersFor(document) {
  const quickly = interpreterCanCheck(document);
  const interpreters = new Map();
  const interpreterOf = viewName => {
    if (!interpreters.has(viewName)) {
      const view = VIEWS[viewName](document);
      interpreters.set(viewName, { view, check: interpreterFor(view) });
    }
    return interpreters.get(viewName);
  };
  const ajvValidators = validatorsFor(document);
  return {
    /** The view a value at schemaPath of this direction is checked against. */
    viewFor(direction, schemaPath) {
      const viewOf = quickly ? name => interpreterOf(name).view : ajvValidators.viewOf;
      return [direction, ...FALLBACK_VIEWS[direction]].find(name => isObject(nodeAt(viewOf(name), schemaPath))) ?? direction;
    },
    /** True when the interpreter finds the value valid; false when it does not, cannot be used or throws. */
    quickCheck(viewName, schemaPath, value) {
      if (!quickly || !isObject(nodeAt(interpreterOf(viewName).view, schemaPath))) return false;
      try {
        return interpreterOf(viewName).check(ajvRef('', `#${toJsonPointer(schemaPath)}`), value);
      } catch {
        return false; // e.g. a $ref that leads nowhere: ajv says so
      }
    },
    validator: ajvValidators.validator,
  };
}

/**
 * ajv's side: a validator factory for one document, with its three closed views added lazily:
 * (viewName, schemaPath) -> validate.
 *
 * ajv compiling a validator (generating and evaluating its code) is slow, and a document repeats schemas:
 * the same property schema under many resources, the same `$ref` at many media types. Within one view,
 * schemas written alike validate alike: every `$ref` is a local pointer, resolved against the same view.
 * So a validator is compiled once per view and distinct schema (its JSON text) and reused at every place
 * that schema is written; each example is still validated, and reported, on its own. Not when the
 * document uses a keyword that makes a schema's meaning depend on where it sits ($id and the anchors):
 * then one validator per place.
 */
function validatorsFor(document) {
  let ajv;
  const views = new Map();
  const viewOf = viewName => {
    if (!views.has(viewName)) {
      // strict: false because OpenAPI adds keywords (discriminator, example, externalDocs, x-*) that ajv
      // does not know; logger: false keeps ajv's notes about them off the lint output.
      ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true, logger: false, inlineRefs: false, code: { optimize: false } }));
      const view = VIEWS[viewName](document);
      const declares = closeObjectSchemas(view);
      ajv.addSchema(view, `urn:atlas-lint:${viewName}`);
      views.set(viewName, { view, declares });
    }
    return views.get(viewName);
  };
  const shareValidators = !usesSchemaKeywords(document, LOCATION_DEPENDENT_KEYWORDS);
  // `${view}\n${schema JSON}` -> validate
  const compiled = new Map();
  return {
    viewOf: viewName => viewOf(viewName).view,
    validator(viewName, schemaPath) {
      const { view, declares } = viewOf(viewName);
      const schema = nodeAt(view, schemaPath);
      const key = shareValidators && isObject(schema) ? `${viewName}\n${JSON.stringify(schema)}` : undefined;
      const known = key === undefined ? undefined : compiled.get(key);
      if (known !== undefined) return known;
      const ref = ajvRef(`urn:atlas-lint:${viewName}`, `#${toJsonPointer(schemaPath)}`);
      const root = closedRoot(schema, ref, declares);
      const validate = root === schema ? ajv.getSchema(ref) : ajv.compile(root);
      if (validate === undefined) throw new Error(`no schema at #${toJsonPointer(schemaPath)}`);
      if (key !== undefined) compiled.set(key, validate);
      return validate;
    },
  };
}

/** Lists { kind, value, valuePath, schemaPath, direction } for every example and default in the document. */
function collectExamples(document) {
  const found = [];
  forEachSchemaHolder(document, (holder, path, direction) => {
    if (!isObject(holder.schema)) return;
    const schemaPath = [...path, 'schema'];
    if (Object.hasOwn(holder, 'example')) found.push({ kind: 'Example', value: holder.example, valuePath: [...path, 'example'], schemaPath, direction });
    for (const [name, example] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
      // A $ref'd example (components/examples) is checked, and reported, where its value is written.
      const target = typeof example?.$ref === 'string' ? resolveLocalRef(document, example.$ref) : { value: example, path: [...path, 'examples', name] };
      if (target === undefined || !isObject(target.value) || !Object.hasOwn(target.value, 'value')) continue;
      found.push({ kind: 'Example', value: target.value.value, valuePath: [...target.path, 'value'], schemaPath, direction });
    }
  });
  forEachSchema(document, (schema, path, direction) => {
    if (Object.hasOwn(schema, 'example')) found.push({ kind: 'Example', value: schema.example, valuePath: [...path, 'example'], schemaPath: path, direction });
    if (Object.hasOwn(schema, 'default')) found.push({ kind: 'Default', value: schema.default, valuePath: [...path, 'default'], schemaPath: path, direction });
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, i) => found.push({ kind: 'Example', value, valuePath: [...path, 'examples', i], schemaPath: path, direction }));
    }
  });
  return found;
}

/** The flag whose properties a forbid view turns into `false` schemas. */
const FORBIDDEN_FLAG = { request: 'readOnly', response: 'writeOnly' };

function describeError(error, view) {
  const where = error.instancePath === '' ? 'the value' : `'${error.instancePath}'`;
  // ajv's own words ("boolean schema is false") do not say why: here it is nearly always a property
  // the view forbids.
  if (error.keyword === 'false schema' && view in FORBIDDEN_FLAG) {
    return `${where} must not be present: a ${view} does not carry ${FORBIDDEN_FLAG[view]} fields`;
  }
  if (error.keyword === 'enum') return `${where} ${error.message}: ${error.params.allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') return `${where} ${error.message}: '${error.params.additionalProperty}'`;
  if (error.keyword === 'unevaluatedProperties') {
    return `${error.instancePath === '' ? 'the value' : `'${error.instancePath}'`} has a property its schema does not declare: '${error.params.unevaluatedProperty}' (a typo, or a field the schema lacks)`;
  }
  return `${where} ${error.message}`;
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function examplesMatchSchemas(document) {
  const checkers = checkersFor(document);
  const results = [];
  for (const { kind, value, valuePath, schemaPath, direction } of collectExamples(document)) {
    const view = checkers.viewFor(direction, schemaPath);
    if (checkers.quickCheck(view, schemaPath, value)) continue;
    const schemaRef = `#${toJsonPointer(schemaPath)}`;
    let validate;
    try {
      validate = checkers.validator(view, schemaPath);
    } catch (error) {
      results.push({ message: `The schema at ${schemaRef} cannot be compiled to check examples against it: ${String(error.message).replace(/\.$/, '')}. Fix the schema.`, path: schemaPath });
      continue;
    }
    if (validate(value)) continue;
    const side = view === 'either' ? '' : ` (${view} side: ${FORBIDDEN_FLAG[view]} fields are not required)`;
    for (const error of validate.errors ?? []) {
      const instancePath = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointerSegment);
      // An undeclared property is reported at the property itself.
      if (error.keyword === 'unevaluatedProperties') instancePath.push(String(error.params.unevaluatedProperty));
      results.push({
        message: `${kind} does not match its schema ${schemaRef}${side}: ${describeError(error, view)}. Fix the ${kind.toLowerCase()} (or the schema, if the ${kind.toLowerCase()} shows what the API really does).`,
        path: [...valuePath, ...instancePath],
      });
    }
  }
  return results;
});
