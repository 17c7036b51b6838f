// atlas-examples-valid rejects an example property that no schema declares (.spectral/functions/lib/
// closeObjectSchemas.js), the check Redocly's no-invalid-media-type-examples made before it was turned
// off in redocly.yaml: a property declared in any allOf branch counts; a oneOf branch is an object of its
// own; a free-form object or a map (additionalProperties) takes anything; a readOnly property may appear
// in a shared component's example; the finding points at the property itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintYaml, repoRoot } from './spectralHarness.js';

const document = `
openapi: 3.1.0
info: { title: Undeclared, version: '1' }
paths:
  /things:
    get:
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Extended' }
              examples:
                allBranches: { value: { id: a, name: n, extra: 1 } }
                typo: { value: { id: a, nmae: n } }
                nestedTypo: { value: { id: a, inner: { a: 1, b: 2 } } }
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Base' }
            examples:
              siblingsProperty: { value: { name: n, extra: 1 } }
              readOnlyShown: { value: { name: n, id: a } }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
              examples:
                cat: { value: { meow: true } }
                catTypo: { value: { meow: true, purr: true } }
    put:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                free: { $ref: '#/components/schemas/FreeForm' }
                labels: { $ref: '#/components/schemas/Labels' }
            example: { free: { anything: [1] }, labels: { team: a, env: b } }
      responses:
        '204': { description: No content }
components:
  schemas:
    Base:
      type: object
      example: { id: a, name: n, nickname: x }
      properties:
        id: { type: string, readOnly: true }
        name: { type: string }
        inner:
          type: object
          properties:
            a: { type: integer }
    Extended:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            extra: { type: integer }
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
    Cat: { type: object, required: [meow], properties: { meow: { type: boolean } } }
    Dog: { type: object, required: [bark], properties: { bark: { type: boolean } } }
    FreeForm: { type: object, description: Any fields. }
    Labels: { type: object, additionalProperties: { type: string } }
`;

const MEDIA = 'application/json';
const GET = ['paths', '/things', 'get', 'responses', '200', 'content', MEDIA, 'examples'];
const POST_REQUEST = ['paths', '/things', 'post', 'requestBody', 'content', MEDIA, 'examples'];
const POST_RESPONSE = ['paths', '/things', 'post', 'responses', '200', 'content', MEDIA, 'examples'];

describe('atlas-examples-valid and properties no schema declares', () => {
  it('flags exactly the undeclared properties, each where it is written', async () => {
    const results = (await lintYaml(document, 'undeclared.yaml')).filter(r => r.code === 'atlas-examples-valid');
    const found = results.map(r => ({ path: r.path.map(String), message: r.message }));
    expect(found.map(f => f.path).sort()).toEqual(
      [
        [...GET, 'typo', 'value', 'nmae'],
        [...GET, 'nestedTypo', 'value', 'inner', 'b'],
        [...POST_REQUEST, 'siblingsProperty', 'value', 'extra'],
        [...POST_REQUEST, 'readOnlyShown', 'value', 'id'],
        // Cat is closed, and so is Dog: the value matches neither branch, and ajv says why for each.
        ...found.filter(f => f.path.join('/').startsWith([...POST_RESPONSE, 'catTypo'].join('/'))).map(f => f.path),
        ['components', 'schemas', 'Base', 'example', 'nickname'],
      ].sort(),
    );
    const at = (...tail: string[]) => found.find(f => f.path.slice(-tail.length).join('/') === tail.join('/'))?.message;
    expect(at('typo', 'value', 'nmae')).toMatch(
      /^Example does not match its schema #\/paths\/~1things\/get\/responses\/200\/content\/application~1json\/schema \(response side: .*\): the value has a property its schema does not declare: 'nmae' \(a typo, or a field the schema lacks\)\. Fix the example/,
    );
    expect(at('nestedTypo', 'value', 'inner', 'b')).toContain("'/inner' has a property its schema does not declare: 'b'");
    expect(at('Base', 'example', 'nickname')).toContain("the value has a property its schema does not declare: 'nickname'");
    // A readOnly property in a request is reported as such, not also as undeclared.
    expect(at('readOnlyShown', 'value', 'id')).toContain('must not be present: a request does not carry readOnly fields');
    expect(found.filter(f => f.path.includes('readOnlyShown'))).toHaveLength(1);
    const catTypo = found.filter(f => f.path.includes('catTypo')).map(f => f.message);
    expect(catTypo.some(m => m.includes("does not declare: 'purr'"))).toBe(true);
    expect(catTypo.some(m => m.includes('must match exactly one schema in oneOf'))).toBe(true);
  });

  it("is the one example check: Redocly's three example rules are off", () => {
    const redocly = parse(readFileSync(path.join(repoRoot, 'redocly.yaml'), 'utf8'));
    expect(redocly.rules).toMatchObject({ 'no-invalid-media-type-examples': 'off', 'no-invalid-parameter-examples': 'off', 'no-invalid-schema-examples': 'off' });
  });
});
