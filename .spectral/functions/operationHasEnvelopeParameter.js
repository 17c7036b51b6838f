// atlas-operation-has-envelope-parameter: every Atlas operation accepts ?envelope=true, which wraps
// the response for clients that cannot read status codes or headers. Path-level parameters count.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { HTTP_METHODS, isObject } from './lib/openapiWalk.js';

function parametersOf(node) {
  return isObject(node) && Array.isArray(node.parameters) ? node.parameters : [];
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function operationHasEnvelopeParameter(pathItem, _options, context) {
  const shared = parametersOf(pathItem);
  const results = [];
  for (const method of HTTP_METHODS) {
    const operation = pathItem[method];
    if (!isObject(operation)) continue;
    const all = [...shared, ...parametersOf(operation)];
    if (all.some(p => isObject(p) && p.name === 'envelope' && p.in === 'query')) continue;
    const name = typeof operation.operationId === 'string' ? operation.operationId : `${method.toUpperCase()} ${String(context.path[context.path.length - 1])}`;
    results.push({
      message: `Operation ${name} lacks the envelope query parameter: add "- $ref: '#/components/parameters/envelope'" to its parameters.`,
      path: Array.isArray(operation.parameters) ? [...context.path, method, 'parameters'] : [...context.path, method],
    });
  }
  return results;
});
