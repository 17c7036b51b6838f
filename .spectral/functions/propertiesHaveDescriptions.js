// atlas-schema-property-has-description: every property of every schema, at any depth (nested
// objects, array items, allOf/oneOf/anyOf members, inline parameter and body schemas), says what it
// is. A property that is only a $ref may rely on the description of the schema it points at.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { derefLocal, forEachSchema, isObject } from './lib/openapiWalk.js';

function hasText(value) {
  return typeof value === 'string' && value.trim() !== '';
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function propertiesHaveDescriptions(document) {
  const results = [];
  forEachSchema(document, (schema, path) => {
    if (!isObject(schema.properties)) return;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property) || hasText(property.description)) continue;
      const isRef = typeof property.$ref === 'string';
      if (isRef && hasText(derefLocal(document, property)?.description)) continue;
      results.push({
        message: `Property '${name}' has no description: add description: <what the field means>${isRef ? ` to it or to ${property.$ref}` : ''}.`,
        path: [...path, 'properties', name],
      });
    }
  });
  return results;
});
