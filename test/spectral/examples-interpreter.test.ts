// atlas-examples-valid asks an interpreter (@cfworker/json-schema, .spectral/functions/lib/exampleInterpreter.js)
// first and ajv only for what it rejects, so an example the interpreter accepts is never shown to ajv. That
// is only sound if the interpreter accepts exactly what ajv (as the rule configures it) accepts: this
// compares the two verdicts case by case, on the closed views the rule uses, for every kind of keyword the
// document's examples meet (formats, Unicode patterns, number formats, composition, undeclared properties).
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { closedRoot, closeObjectSchemas } from '../../.spectral/functions/lib/closeObjectSchemas.js';
import { interpreterCanCheck, interpreterFor } from '../../.spectral/functions/lib/exampleInterpreter.js';
import { documentView } from '../../scripts/openapi/schema-views.js';

type Case = [name: string, schema: unknown, values: unknown[]];

const PROJECT_NAME = "^[\\p{L}\\p{N}\\-_.(),:&@+']{1,64}$";

const CASES: Case[] = [
  ['date-time', { type: 'string', format: 'date-time' }, ['2025-05-04T09:42:00Z', '2025-05-04T09:42:00', '2025-05-04T25:00:00Z', 'the fourth of May']],
  ['date', { type: 'string', format: 'date' }, ['2024-02-29', '2025-02-29', '2025-13-01']],
  ['time', { type: 'string', format: 'time' }, ['09:42:00Z', '09:42:00', '9:42']],
  ['email', { format: 'email' }, ['a@b.co', 'a@', 'a b@c.d']],
  ['uuid', { format: 'uuid' }, ['1b4e28ba-2fa1-11d2-883f-0016d3cca427', '1b4e28ba-2fa1-11d2-883f']],
  ['uri', { format: 'uri' }, ['https://cloud.mongodb.com/api', 'not a uri', '/relative']],
  ['uri-reference', { format: 'uri-reference' }, ['/relative', 'a b']],
  ['hostname and ip', { anyOf: [{ format: 'hostname' }, { format: 'ipv4' }] }, ['example.com', '1.2.3.4', '-bad-.com', '1.2.3.256']],
  ['ipv6', { format: 'ipv6' }, ['::1', '2001:db8::1', ':::1']],
  ['byte', { type: 'string', format: 'byte' }, ['aGVsbG8=', 'hello!']],
  ['regex', { format: 'regex' }, ['^a+$', '(']],
  ['password and binary', { properties: { p: { format: 'password' }, b: { format: 'binary' } } }, [{ p: 'x', b: 'y' }]],
  ['unknown format', { format: 'atlas-region' }, ['US_EAST_1']],
  ['int32', { type: 'integer', format: 'int32' }, [5, -(2 ** 31), 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 1.5]],
  ['int32 without a type', { format: 'int32' }, ['5', 3.5, 7]],
  ['int64', { type: 'number', format: 'int64' }, [2 ** 53, 1.5, -3]],
  ['float and double', { properties: { f: { format: 'float' }, d: { format: 'double' } } }, [{ f: 1.5, d: 2 }]],
  ['Unicode pattern', { type: 'string', pattern: PROJECT_NAME }, ['Proj-1', 'Projét_ünï', 'Proj 1', '']],
  ['lengths in code points', { type: 'string', minLength: 2, maxLength: 2 }, ['😀😀', '😀', 'abc']],
  ['multipleOf', { type: 'integer', multipleOf: 5 }, [10, 7, 0]],
  ['numbers', { type: 'number', minimum: 1, exclusiveMaximum: 10 }, [1, 9.99, 10, 0.5, '5']],
  ['enum and const', { properties: { e: { enum: [{ a: 1 }, 'B'] }, c: { const: [1, { x: null }] } } }, [{ e: { a: 1 }, c: [1, { x: null }] }, { e: { a: 2 } }, { c: [1, {}] }, { e: 'B' }]],
  ['uniqueItems', { type: 'array', uniqueItems: true }, [[{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1 }]]],
  ['prefixItems', { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }], items: false }, [[1, 'a'], [1, 'a', 2], ['a', 1]]],
  ['contains', { type: 'array', contains: { type: 'string' }, minContains: 2 }, [['a', 'b', 1], ['a', 1]]],
  ['required and types', { type: 'object', required: ['id'], properties: { id: { type: ['string', 'null'] }, n: { type: 'integer' } } }, [{ id: null }, { id: 'x', n: 1.0 }, { n: 1 }, { id: 3 }, []]],
  ['dependentRequired', { properties: { a: {}, b: {} }, dependentRequired: { a: ['b'] } }, [{ a: 1, b: 2 }, { a: 1 }, { b: 2 }]],
  ['propertyNames', { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: true }, [{ ab: 1 }, { Ab: 1 }]],
  ['additional and pattern properties', { type: 'object', properties: { a: {} }, patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false }, [{ a: 1, 'x-b': 's' }, { 'x-b': 1 }, { c: 1 }]],
  ['not, if/then/else', { not: { const: 0 }, if: { type: 'integer' }, then: { minimum: 1 }, else: { type: 'string' } }, [1, 0, -1, 'a', true]],
  ['oneOf exactly one', { oneOf: [{ type: 'integer' }, { type: 'number', maximum: 5 }] }, [2.5, 3, 7]],
  ['$ref with siblings', { $ref: '#/components/schemas/Named', maxProperties: 1 }, [{ name: 'a' }, { name: 'a', id: 'b' }, { name: 1 }]],
  ['allOf over a $ref, closed at the top', { allOf: [{ $ref: '#/components/schemas/Named' }, { properties: { extra: { type: 'integer' } } }] }, [{ name: 'a', extra: 1 }, { name: 'a', extra: 'x' }, { name: 'a', nmae: 'b' }]],
  ['oneOf of closed objects', { oneOf: [{ $ref: '#/components/schemas/Named' }, { type: 'object', required: ['code'], properties: { code: { type: 'integer' } } }] }, [{ name: 'a' }, { code: 1 }, { name: 'a', code: 1 }, { code: 1, x: 1 }]],
  ['own properties and a oneOf', { properties: { kind: { type: 'string' } }, oneOf: [{ properties: { a: { type: 'integer' } }, required: ['a'] }, { properties: { b: { type: 'integer' } }, required: ['b'] }] }, [{ kind: 'k', a: 1 }, { kind: 'k', b: 1 }, { kind: 'k', a: 1, c: 1 }]],
  ['nested objects', { type: 'object', properties: { inner: { type: 'object', properties: { a: { type: 'integer' } } }, items: { type: 'array', items: { $ref: '#/components/schemas/Named' } } } }, [{ inner: { a: 1 } }, { inner: { b: 1 } }, { items: [{ name: 'a' }, { name: 'b', x: 1 }] }]],
  ['a free-form object and a map', { properties: { free: { type: 'object' }, map: { type: 'object', additionalProperties: { type: 'string' } } } }, [{ free: { anything: 1 }, map: { a: 'b' } }, { map: { a: 1 } }]],
  ['readOnly and writeOnly (request view, forbidden)', { properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } } }, [{ secret: 's' }, { id: 'a' }]],
];

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ?? formatsPlugin) as (ajv: Ajv2020) => Ajv2020;

const AJV_OPTIONS = { strict: false, allErrors: true, unicodeRegExp: true, logger: false, inlineRefs: false, code: { optimize: false } } as const;

function documentWith(schema: unknown) {
  return { openapi: '3.1.0', info: { title: 'Case', version: '1' }, paths: {}, components: { schemas: { Case: schema, Named: { type: 'object', properties: { name: { type: 'string' }, id: { type: 'string' } } } } } };
}

/** The two verdicts on each value, in the request view with hidden properties forbidden (as the rule checks request examples). */
function verdicts(schema: unknown, values: unknown[]) {
  const document = documentWith(schema);
  const fragment = '/components/schemas/Case';
  const interpret = interpreterFor(documentView(document as never, 'request', 'forbid'));
  const ajvView = documentView(document as never, 'request', 'forbid') as ReturnType<typeof documentWith>;
  const declares = closeObjectSchemas(ajvView);
  const ajv = addFormats(new Ajv2020(AJV_OPTIONS));
  ajv.addSchema(ajvView, 'urn:atlas-test:case');
  // As the rule does: the schema itself, or a closed reference to it.
  const root = closedRoot(ajvView.components.schemas.Case, `urn:atlas-test:case#${fragment}`, declares);
  const validate = root === ajvView.components.schemas.Case ? ajv.getSchema(`urn:atlas-test:case#${fragment}`)! : ajv.compile(root as object);
  return values.map(value => ({ value, interpreter: interpret(`#${fragment}`, value), ajv: validate(value) as boolean }));
}

describe('the example interpreter agrees with ajv', () => {
  for (const [name, schema, values] of CASES) {
    it(name, () => {
      for (const { value, interpreter, ajv } of verdicts(schema, values)) expect({ value, interpreter }).toEqual({ value, interpreter: ajv });
    });
  }

  it('the cases include valid and invalid values (the comparison can fail)', () => {
    const all = CASES.flatMap(([, schema, values]) => verdicts(schema, values));
    expect(all.filter(v => v.ajv).length).toBeGreaterThan(30);
    expect(all.filter(v => !v.ajv).length).toBeGreaterThan(30);
  });

  it('differs on purpose in one place: multipleOf with a decimal divisor is answered in exact decimals', () => {
    // ajv divides in floating point (0.07 / 0.01 = 7.000000000000001) and would reject a price of 0.07 in
    // steps of 0.01; the interpreter does not, and its "valid" stands (the rule then never asks ajv).
    const [exact, offStep] = verdicts({ type: 'number', multipleOf: 0.01 }, [0.07, 0.075]);
    expect(exact).toEqual({ value: 0.07, interpreter: true, ajv: false });
    expect(offStep).toEqual({ value: 0.075, interpreter: false, ajv: false });
  });

  it('leaves a document with $id, anchors or format limits to ajv', () => {
    expect(interpreterCanCheck(documentWith({ type: 'string' }))).toBe(true);
    for (const keyword of ['$id', '$dynamicRef', 'formatMinimum']) {
      expect(interpreterCanCheck(documentWith({ type: 'string', [keyword]: 'x' }))).toBe(false);
    }
  });
});
