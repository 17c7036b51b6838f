// atlas-examples-valid on a schema written alike in many places (.spectral/functions/examplesMatchSchemas.js;
// it once shared one validator per distinct schema text). Nothing may be hidden: every
// bad example is still reported at its own place, naming its own schema, and a schema written alike on the
// request and the response side is still checked under each side's rules.
import { describe, expect, it } from 'vitest';
import { lintYaml } from './spectralHarness.js';

const MEDIA = 'application/json';

// The same inline schema (with a $ref, and a property that is readOnly) under two operations, each
// with a good and a bad example, on both sides; the same property schema in two components, and one that
// differs from it only in its pattern (which its example matches).
const sameSchema = `{ type: object, required: [name, id], properties: { name: { type: string, maxLength: 5 }, id: { type: string, readOnly: true }, tag: { $ref: '#/components/schemas/Tag' } } }`;
const operation = (name: string) => `
    post:
      requestBody:
        content:
          ${MEDIA}:
            schema: ${sameSchema}
            examples:
              good: { value: { name: ok } }
              bad: { value: { name: ${name}, id: x } }
      responses:
        '200':
          description: OK
          content:
            ${MEDIA}:
              schema: ${sameSchema}
              examples:
                good: { value: { name: ok, id: x, tag: t } }
                bad: { value: { name: ok, tag: 7 } }`;

const document = `
openapi: 3.1.0
info: { title: Shared, version: '1' }
paths:
  /a:${operation('too-long-a')}
  /b:${operation('too-long-b')}
components:
  schemas:
    Tag: { type: string }
    One:
      type: object
      properties:
        code: { type: string, pattern: '^[A-Z]+$', example: ABC }
    Two:
      type: object
      properties:
        code: { type: string, pattern: '^[A-Z]+$', example: abc }
    Three:
      type: object
      properties:
        code: { type: string, pattern: '^[a-z]+$', example: abc }
`;

describe('atlas-examples-valid with shared validators', () => {
  it('reports every bad example at its own place, with its own schema and side', async () => {
    const results = (await lintYaml(document, 'shared.yaml')).filter(r => r.code === 'atlas-examples-valid');
    const found = results.map(r => `${r.path.map(String).join(' > ')} | ${r.message}`).sort();
    const request = (p: string) => `paths > ${p} > post > requestBody > content > ${MEDIA}`;
    const response = (p: string) => `paths > ${p} > post > responses > 200 > content > ${MEDIA}`;
    const requestSchema = (p: string) => `#/paths/~1${p.slice(1)}/post/requestBody/content/application~1json/schema`;
    const responseSchema = (p: string) => `#/paths/~1${p.slice(1)}/post/responses/200/content/application~1json/schema`;
    const expected = ['/a', '/b'].flatMap(p => [
      [`${request(p)} > examples > bad > value > id`, `${requestSchema(p)} (request side`, `'/id' must not be present`],
      [`${request(p)} > examples > bad > value > name`, `${requestSchema(p)} (request side`, `'/name' must NOT have more than 5 characters`],
      [`${response(p)} > examples > bad > value`, `${responseSchema(p)} (response side`, `must have required property 'id'`],
      [`${response(p)} > examples > bad > value > tag`, `${responseSchema(p)} (response side`, `'/tag' must be string`],
    ]);
    expected.push(['components > schemas > Two > properties > code > example', '#/components/schemas/Two/properties/code', 'the value must match pattern']);
    expect(found).toHaveLength(expected.length);
    for (const [where, schemaRef, what] of expected) {
      const line = found.find(f => f.startsWith(`${where} | `));
      expect(line, where).toBeDefined();
      expect(line).toContain(`its schema ${schemaRef}`);
      expect(line).toContain(what);
    }
  });
});
