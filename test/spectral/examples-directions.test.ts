// atlas-examples-valid under OAS 3.0-style readOnly/writeOnly semantics, through the views of
// scripts/openapi/schema-views.js: a request example must not show a readOnly field nor a response example a
// writeOnly one; a shared component's example needs neither; an example written on a flagged property
// is still checked (against the side that carries the property) rather than reported as uncompilable.
import { describe, expect, it } from 'vitest';
import { lintYaml } from './spectralHarness.js';

const document = `
openapi: 3.1.0
info: { title: Directions, version: '1' }
paths:
  /things:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Thing' }
            examples:
              leavesOutId: { value: { name: a, secret: s } }
              showsId: { value: { name: a, secret: s, id: '1' } }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
                  id: { type: string, readOnly: true, example: 7 }
                  token: { type: string, writeOnly: true, example: t }
              examples:
                leavesOutToken: { value: { id: '1' } }
                showsToken: { value: { id: '1', token: t } }
                leavesOutId: { value: {} }
components:
  schemas:
    Thing:
      type: object
      required: [id, name, secret]
      example: { name: needs-neither-id-nor-secret }
      properties:
        id: { type: string, readOnly: true, example: 42 }
        name: { type: string }
        secret: { type: string, writeOnly: true, example: a-string }
`;

const MEDIA = 'application/json';
const REQUEST_EXAMPLES = ['paths', '/things', 'post', 'requestBody', 'content', MEDIA, 'examples'];
const RESPONSE = ['paths', '/things', 'post', 'responses', '200', 'content', MEDIA];

describe('atlas-examples-valid and readOnly/writeOnly', () => {
  it('flags exactly the examples that break their side, with a message that says why', async () => {
    const results = (await lintYaml(document, 'directions.yaml')).filter(r => r.code === 'atlas-examples-valid');
    const found = results.map(r => ({ path: r.path.map(String), message: r.message }));
    expect(found.map(f => f.path).sort()).toEqual(
      [
        [...REQUEST_EXAMPLES, 'showsId', 'value', 'id'],
        [...RESPONSE, 'examples', 'showsToken', 'value', 'token'],
        [...RESPONSE, 'examples', 'leavesOutId', 'value'],
        [...RESPONSE, 'schema', 'properties', 'id', 'example'],
        ['components', 'schemas', 'Thing', 'properties', 'id', 'example'],
      ].sort(),
    );
    const messageAt = (last: string, parent: string) => found.find(f => f.path.at(-1) === last && f.path.at(-3) === parent)?.message;
    expect(messageAt('id', 'showsId')).toMatch(/\(request side: .*'\/id' must not be present: a request does not carry readOnly fields\. Fix the example/);
    expect(messageAt('token', 'showsToken')).toMatch(/\(response side: .*'\/token' must not be present: a response does not carry writeOnly fields\. Fix the example/);
    expect(found.find(f => f.path.at(-2) === 'leavesOutId')?.message).toContain("must have required property 'id'");
    // A readOnly property's own example is a response value: checked against its schema there.
    expect(found.find(f => f.path.join('/').startsWith('components'))?.message).toMatch(/#\/components\/schemas\/Thing\/properties\/id \(response side: .*the value must be string/);
    for (const { message } of found) expect(message).not.toMatch(/cannot be compiled/);
  });
});
