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
// scripts/lib/schema-views.js (shared with the tests): a request-side value against the request view
// with readOnly properties forbidden (not required, and a request example must never show one), a
// response-side value against the response view with writeOnly ones forbidden, and a value of unknown
// direction (a component schema or parameter) against the request view on top of the response view,
// with both dropped (neither is required).
//
// Reads the unresolved, bundled document (local $refs only) and hands all of it to ajv, so $refs
// resolve the way the document wrote them.
import { createRulesetFunction } from '@stoplight/spectral-core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decodePointerSegment, forEachSchema, forEachSchemaHolder, isObject, resolveLocalRef, toJsonPointer } from './lib/openapiWalk.js';
import { documentView } from '../../scripts/lib/schema-views.js';

/** The view each direction (as forEachSchemaHolder and forEachSchema name it) validates against. */
const VIEWS = {
  request: document => documentView(document, 'request', 'forbid'),
  response: document => documentView(document, 'response', 'forbid'),
  either: document => documentView(documentView(document, 'response', 'drop'), 'request', 'drop'),
};

/**
 * Where a view has no schema at the example's place (a property the view drops, or forbids as `false`),
 * the example belongs to the other side: a readOnly property's example is a response value, a
 * writeOnly one's a request value. These views are tried next, in order.
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

/** Keywords that change the base URI or bind names: where they appear, equal text need not mean equal schema. */
const LOCATION_DEPENDENT_KEYWORDS = ['$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef'];

function hasLocationDependentSchemas(document) {
  let found = false;
  forEachSchema(document, schema => {
    found ||= LOCATION_DEPENDENT_KEYWORDS.some(keyword => Object.hasOwn(schema, keyword));
  });
  return found;
}

/**
 * A validator factory for one document, with its three views added lazily: (direction, schemaPath)
 * -> { view, validate }, view naming the view validate was compiled from. Made for one call of the rule
 * (given: $, once per document) and not kept after it: at 6,000 operations its views and validators are
 * most of a GB of heap, which every garbage collection during the other rules would otherwise walk.
 *
 * ajv compiling a validator (generating and evaluating its code) was most of this rule's time, and a
 * document repeats schemas: the same property schema under many resources, the same `$ref` at many
 * media types. Within one view, schemas written alike validate alike: every `$ref` is a local pointer,
 * resolved against the same view. So a validator is compiled once per view and distinct schema (its
 * JSON text) and reused at every place that schema is written; each example is still validated, and
 * reported, on its own. Not when the document uses a keyword that makes a schema's meaning depend on
 * where it sits ($id and the anchors): then one validator per place, as before.
 */
function validatorsFor(document) {
  // strict: false because OpenAPI adds keywords (discriminator, example, externalDocs, x-*) that ajv
  // does not know; logger: false keeps ajv's notes about them off the lint output.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true, logger: false, inlineRefs: false, code: { optimize: false } });
  addFormats(ajv);
  const views = new Map();
  const viewOf = direction => {
    if (!views.has(direction)) {
      const view = VIEWS[direction](document);
      ajv.addSchema(view, `urn:atlas-lint:${direction}`);
      views.set(direction, view);
    }
    return views.get(direction);
  };
  const shareValidators = !hasLocationDependentSchemas(document);
  // `${view}\n${schema JSON}` -> validate
  const compiled = new Map();
  return (direction, schemaPath) => {
    const viewName = [direction, ...FALLBACK_VIEWS[direction]].find(name => isObject(nodeAt(viewOf(name), schemaPath))) ?? direction;
    const schema = nodeAt(viewOf(viewName), schemaPath);
    const key = shareValidators && isObject(schema) ? `${viewName}\n${JSON.stringify(schema)}` : undefined;
    const known = key === undefined ? undefined : compiled.get(key);
    if (known !== undefined) return { view: viewName, validate: known };
    const id = `urn:atlas-lint:${viewName}`;
    const fragment = toJsonPointer(schemaPath)
      .split('/')
      .map(segment => encodeURIComponent(segment))
      .join('/');
    const validate = ajv.getSchema(`${id}#${fragment}`);
    if (validate === undefined) throw new Error(`no schema at #${toJsonPointer(schemaPath)}`);
    if (key !== undefined) compiled.set(key, validate);
    return { view: viewName, validate };
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
  return `${where} ${error.message}`;
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function examplesMatchSchemas(document) {
  const validators = validatorsFor(document);
  const results = [];
  for (const { kind, value, valuePath, schemaPath, direction } of collectExamples(document)) {
    const schemaRef = `#${toJsonPointer(schemaPath)}`;
    let view;
    let validate;
    try {
      ({ view, validate } = validators(direction, schemaPath));
    } catch (error) {
      results.push({ message: `The schema at ${schemaRef} cannot be compiled to check examples against it: ${String(error.message).replace(/\.$/, '')}. Fix the schema.`, path: schemaPath });
      continue;
    }
    if (validate(value)) continue;
    const side = view === 'either' ? '' : ` (${view} side: ${FORBIDDEN_FLAG[view]} fields are not required)`;
    for (const error of validate.errors ?? []) {
      const instancePath = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointerSegment);
      results.push({
        message: `${kind} does not match its schema ${schemaRef}${side}: ${describeError(error, view)}. Fix the ${kind.toLowerCase()} (or the schema, if the ${kind.toLowerCase()} shows what the API really does).`,
        path: [...valuePath, ...instancePath],
      });
    }
  }
  return results;
});
