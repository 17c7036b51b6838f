// atlas-examples-valid: every example and schema default validates against its schema, in its side's view
// (scripts/openapi/schema-views.js), undeclared properties rejected (lib/closeObjectSchemas.js); the
// interpreter (lib/exampleInterpreter.js) answers first, ajv reports what it rejects. Replaces spectral:oas's
// oas3-valid-*-example, which compile `pattern` without the `u` flag (docs/lint.md).
import { createRulesetFunction } from '@stoplight/spectral-core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decodeSegment, followRefs, isObject, pointerKeys, pointerOf } from '../../src/openapi/document.js';
import { ajvRef } from '../../scripts/openapi/openapi-ajv.js';
import { documentView, FLAG, forEachSchema, forEachSchemaHolder } from '../../scripts/openapi/schema-views.js';
import { closedRoot, closeObjectSchemas } from './lib/closeObjectSchemas.js';
import { interpreterCanCheck, interpreterFor } from './lib/exampleInterpreter.js';

/** The view each direction (as forEachSchemaHolder and forEachSchema name it) validates against: a fresh copy each call. */
const VIEWS = {
  request: document => documentView(document, 'request', 'forbid'),
  response: document => documentView(document, 'response', 'forbid'),
  either: document => documentView(documentView(document, 'response', 'allow'), 'request', 'allow'),
};

// Where a view has no schema at the example's place (a property it forbids or allows), the example belongs to
// the other side (a readOnly property's example is a response value): these views are tried next.
const FALLBACK_VIEWS = { request: ['response'], response: ['request'], either: ['response', 'request'] };

/** The value at path (a list of keys) in a document, or undefined. */
const nodeAt = (document, path) =>
  path.reduce((node, key) => (typeof node === 'object' && node !== null && Object.hasOwn(node, key) ? node[key] : undefined), document);

/** name -> make(name), made when first asked for. */
function once(make) {
  const made = new Map();
  return name => (made.has(name) ? made : made.set(name, make(name))).get(name);
}

/**
 * The views of one call of the rule, each made when first asked for: the interpreter's closed copy, and (only
 * when a value fails there) ajv's. Not kept after the call: at scale they are most of a GB of heap.
 */
function checkersFor(document) {
  const quickly = interpreterCanCheck(document);
  const interpreter = once(name => {
    const view = VIEWS[name](document);
    return { view, check: interpreterFor(view) };
  });
  let ajv;
  const ajvView = once(name => {
    // strict: false because OpenAPI adds keywords (discriminator, example, x-*) that ajv does not know;
    // logger: false keeps ajv's notes about them off the lint output.
    ajv ??= addFormats(new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true, logger: false, inlineRefs: false, code: { optimize: false } }));
    const view = VIEWS[name](document);
    const declares = closeObjectSchemas(view);
    ajv.addSchema(view, `urn:atlas-lint:${name}`);
    return { view, declares };
  });
  return {
    /** The view a value at schemaPath of this direction is checked against. */
    viewFor(direction, schemaPath) {
      const viewOf = name => (quickly ? interpreter(name) : ajvView(name)).view;
      return [direction, ...FALLBACK_VIEWS[direction]].find(name => isObject(nodeAt(viewOf(name), schemaPath))) ?? direction;
    },
    /** True when the interpreter finds the value valid; false when it does not, cannot be used or throws. */
    quickCheck(name, schemaPath, value) {
      if (!quickly || !isObject(nodeAt(interpreter(name).view, schemaPath))) return false;
      try {
        return interpreter(name).check(ajvRef('', pointerOf(schemaPath)), value);
      } catch {
        return false; // e.g. a $ref that leads nowhere: ajv says so
      }
    },
    /** ajv's validator of the schema at schemaPath, closed at the root where it must be. */
    validator(name, schemaPath) {
      const { view, declares } = ajvView(name);
      const ref = ajvRef(`urn:atlas-lint:${name}`, pointerOf(schemaPath));
      const schema = nodeAt(view, schemaPath);
      const root = closedRoot(schema, ref, declares);
      const validate = root === schema ? ajv.getSchema(ref) : ajv.compile(root);
      if (validate === undefined) throw new Error(`no schema at ${pointerOf(schemaPath)}`);
      return validate;
    },
  };
}

/** Lists { kind, value, valuePath, schemaPath, direction } for every example and default in the document. */
function collectExamples(document) {
  const found = [];
  const add = (kind, value, valuePath, schemaPath, direction) => found.push({ kind, value, valuePath, schemaPath, direction });
  forEachSchemaHolder(document, (holder, path, direction) => {
    if (!isObject(holder.schema)) return;
    const schemaPath = [...path, 'schema'];
    if (Object.hasOwn(holder, 'example')) add('Example', holder.example, [...path, 'example'], schemaPath, direction);
    for (const [name, example] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
      // A $ref'd example (components/examples) is checked, and reported, where its value is written.
      const target = typeof example?.$ref === 'string' ? followRefs(document, example) : { value: example };
      if (!isObject(target?.value) || !Object.hasOwn(target.value, 'value')) continue;
      const at = target.pointer === undefined ? [...path, 'examples', name] : pointerKeys(target.pointer);
      add('Example', target.value.value, [...at, 'value'], schemaPath, direction);
    }
  });
  forEachSchema(document, (schema, path, direction) => {
    if (Object.hasOwn(schema, 'example')) add('Example', schema.example, [...path, 'example'], path, direction);
    if (Object.hasOwn(schema, 'default')) add('Default', schema.default, [...path, 'default'], path, direction);
    if (Array.isArray(schema.examples)) schema.examples.forEach((value, i) => add('Example', value, [...path, 'examples', i], path, direction));
  });
  return found;
}

function describeError(error, view) {
  const where = error.instancePath === '' ? 'the value' : `'${error.instancePath}'`;
  const { keyword, message, params } = error;
  // ajv's "boolean schema is false" does not say why: here it is nearly always a property the view forbids.
  if (keyword === 'false schema' && view in FLAG) return `${where} must not be present: a ${view} does not carry ${FLAG[view]} fields`;
  if (keyword === 'enum') return `${where} ${message}: ${params.allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
  if (keyword === 'additionalProperties') return `${where} ${message}: '${params.additionalProperty}'`;
  if (keyword === 'unevaluatedProperties') {
    return `${where} has a property its schema does not declare: '${params.unevaluatedProperty}' (a typo, or a field the schema lacks)`;
  }
  return `${where} ${message}`;
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function examplesMatchSchemas(document) {
  const checkers = checkersFor(document);
  const results = [];
  for (const { kind, value, valuePath, schemaPath, direction } of collectExamples(document)) {
    const view = checkers.viewFor(direction, schemaPath);
    if (checkers.quickCheck(view, schemaPath, value)) continue;
    const schemaRef = pointerOf(schemaPath);
    let validate;
    try {
      validate = checkers.validator(view, schemaPath);
    } catch (error) {
      results.push({ message: `The schema at ${schemaRef} cannot be compiled to check examples against it: ${String(error.message).replace(/\.$/, '')}. Fix the schema.`, path: schemaPath });
      continue;
    }
    if (validate(value)) continue;
    const side = view === 'either' ? '' : ` (${view} side: ${FLAG[view]} fields are not required)`;
    for (const error of validate.errors ?? []) {
      const instancePath = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodeSegment);
      // An undeclared property is reported at the property itself.
      if (error.keyword === 'unevaluatedProperties') instancePath.push(String(error.params.unevaluatedProperty));
      const what = kind.toLowerCase();
      results.push({
        message: `${kind} does not match its schema ${schemaRef}${side}: ${describeError(error, view)}. Fix the ${what} (or the schema, if the ${what} shows what the API really does).`,
        path: [...valuePath, ...instancePath],
      });
    }
  }
  return results;
});
