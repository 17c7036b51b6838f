// The schema preparation behind atlas-examples-valid, reusable on its own: `required` loses the
// properties a direction does not carry (OAS 3.0 readOnly/writeOnly semantics), nothing else changes.
import { describe, expect, it } from 'vitest';
import { prepareDocumentForDirection } from '../../.spectral/functions/lib/schemaDirection.js';

type Schema = { required?: string[]; [key: string]: unknown };
type Doc = { components: { schemas: Record<string, Schema> } };

// Shaped like openapi/components/schemas: a request schema with readOnly fields, a response schema
// that requires them through allOf, a $ref'd readOnly array, a writeOnly secret.
function sampleDocument(): Doc {
  return {
    components: {
      schemas: {
        Links: { type: 'array', readOnly: true, items: { type: 'string' } },
        Config: {
          type: 'object',
          required: ['name', 'orgId', 'links', 'secret'],
          properties: {
            name: { type: 'string' },
            orgId: { type: 'string', readOnly: true },
            links: { $ref: '#/components/schemas/Links' },
            secret: { type: 'string', writeOnly: true },
          },
        },
        ConfigResponse: {
          type: 'object',
          allOf: [{ $ref: '#/components/schemas/Config' }],
          required: ['name', 'orgId'],
        },
      },
    },
  };
}

const requiredOf = (doc: Doc, name: string) => doc.components.schemas[name]?.required;

describe('prepareDocumentForDirection', () => {
  it('request: drops readOnly properties, own, $ref target or through allOf', () => {
    const doc = prepareDocumentForDirection(sampleDocument(), 'request');
    expect(requiredOf(doc, 'Config')).toEqual(['name', 'secret']);
    expect(requiredOf(doc, 'ConfigResponse')).toEqual(['name']);
  });

  it('response: keeps readOnly properties and drops writeOnly ones', () => {
    const doc = prepareDocumentForDirection(sampleDocument(), 'response');
    expect(requiredOf(doc, 'Config')).toEqual(['name', 'orgId', 'links']);
    expect(requiredOf(doc, 'ConfigResponse')).toEqual(['name', 'orgId']);
  });

  it('either: drops both', () => {
    const doc = prepareDocumentForDirection(sampleDocument(), 'either');
    expect(requiredOf(doc, 'Config')).toEqual(['name']);
  });

  it('returns a copy and leaves its input alone', () => {
    const input = sampleDocument();
    const output = prepareDocumentForDirection(input, 'request');
    expect(output).not.toBe(input);
    expect(input).toEqual(sampleDocument());
  });

  it('rejects an unknown direction by name', () => {
    expect(() => prepareDocumentForDirection(sampleDocument(), 'sideways' as never)).toThrow(/direction must be .* not "sideways"/);
  });
});
