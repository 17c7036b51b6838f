// Types for schemaDirection.js, so TypeScript code (tests, scripts) can reuse the schema preparation.

/** 'request' drops readOnly properties from `required`, 'response' writeOnly ones, 'either' both. */
export type SchemaDirection = 'request' | 'response' | 'either';

/**
 * Returns a deep copy of a bundled OpenAPI document (local $refs only) in which every schema's
 * `required` omits the properties that the direction does not carry (OAS 3.0 readOnly/writeOnly
 * semantics). The input is not modified. Throws a TypeError for an unknown direction.
 */
export function prepareDocumentForDirection<T extends object>(document: T, direction: SchemaDirection): T;
