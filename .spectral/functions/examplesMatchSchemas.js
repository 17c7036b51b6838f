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
// Request-side values are validated with readOnly properties dropped from `required`, response-side
// ones with writeOnly dropped, component schema examples with both (see lib/schemaDirection.js).
//
// Reads the unresolved, bundled document (local $refs only) and hands all of it to ajv, so $refs
// resolve the way the document wrote them.
import { createRulesetFunction } from '@stoplight/spectral-core';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decodePointerSegment, forEachSchema, forEachSchemaHolder, isObject, resolveLocalRef, toJsonPointer } from './lib/openapiWalk.js';
import { prepareDocumentForDirection } from './lib/schemaDirection.js';

/** One validator factory per linted document, with its three prepared copies added lazily. */
const validatorsByDocument = new WeakMap();

function validatorsFor(document) {
  let validators = validatorsByDocument.get(document);
  if (validators !== undefined) return validators;
  // strict: false because OpenAPI adds keywords (discriminator, example, externalDocs, x-*) that ajv
  // does not know; logger: false keeps ajv's notes about them off the lint output.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: true, logger: false });
  addFormats(ajv);
  const added = new Set();
  validators = (direction, schemaPath) => {
    const id = `urn:atlas-lint:${direction}`;
    if (!added.has(direction)) {
      ajv.addSchema(prepareDocumentForDirection(document, direction), id);
      added.add(direction);
    }
    const fragment = toJsonPointer(schemaPath)
      .split('/')
      .map(segment => encodeURIComponent(segment))
      .join('/');
    const validate = ajv.getSchema(`${id}#${fragment}`);
    if (validate === undefined) throw new Error(`no schema at #${toJsonPointer(schemaPath)}`);
    return validate;
  };
  validatorsByDocument.set(document, validators);
  return validators;
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

function describeError(error) {
  const where = error.instancePath === '' ? 'the value' : `'${error.instancePath}'`;
  if (error.keyword === 'enum') return `${where} ${error.message}: ${error.params.allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') return `${where} ${error.message}: '${error.params.additionalProperty}'`;
  return `${where} ${error.message}`;
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function examplesMatchSchemas(document) {
  const validators = validatorsFor(document);
  const results = [];
  for (const { kind, value, valuePath, schemaPath, direction } of collectExamples(document)) {
    const schemaRef = `#${toJsonPointer(schemaPath)}`;
    let validate;
    try {
      validate = validators(direction, schemaPath);
    } catch (error) {
      results.push({ message: `The schema at ${schemaRef} cannot be compiled to check examples against it: ${String(error.message).replace(/\.$/, '')}. Fix the schema.`, path: schemaPath });
      continue;
    }
    if (validate(value)) continue;
    const side = direction === 'either' ? '' : ` (${direction} side: ${direction === 'request' ? 'readOnly' : 'writeOnly'} fields are not required)`;
    for (const error of validate.errors ?? []) {
      const instancePath = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointerSegment);
      results.push({
        message: `${kind} does not match its schema ${schemaRef}${side}: ${describeError(error)}. Fix the ${kind.toLowerCase()} (or the schema, if the ${kind.toLowerCase()} shows what the API really does).`,
        path: [...valuePath, ...instancePath],
      });
    }
  }
  return results;
});
