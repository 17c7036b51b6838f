// atlas-error-response-api-error: every 4xx/5xx response is application/json with the ApiError schema.
//
// This rule reads the unresolved (bundled) document, where the reference itself is visible: in
// Spectral's resolved copy each $ref is replaced by its target, so "uses ApiError" could only be
// judged by shape and a look-alike inline schema would pass. A response may itself be a $ref to
// components/responses; it is followed (local refs only) and judged, and reported, where it is defined.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isObject, resolveLocalRef } from './lib/openapiWalk.js';

const API_ERROR_REF = '#/components/schemas/ApiError';
const FIX = `content: { application/json: { schema: { $ref: '${API_ERROR_REF}' } } } (or $ref one of components/responses)`;

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function errorResponseUsesApiError(response, _options, context) {
  const status = String(context.path[context.path.length - 1]);
  let path = context.path;
  let target = response;
  if (typeof response.$ref === 'string') {
    const resolved = resolveLocalRef(context.documentInventory.unresolved, response.$ref);
    if (resolved === undefined) {
      return [
        {
          message: `Response ${status} is $ref '${response.$ref}', which is not a local reference: this rule reads the bundled document (npm run lint bundles it).`,
          path: [...path, '$ref'],
        },
      ];
    }
    target = resolved.value;
    path = resolved.path;
  }
  const content = isObject(target) ? target.content : undefined;
  const mediaTypes = isObject(content) ? Object.keys(content) : [];
  if (mediaTypes.length !== 1 || mediaTypes[0] !== 'application/json') {
    return [
      {
        message: `Error response ${status} must have exactly one media type, application/json (it has ${mediaTypes.length === 0 ? 'none' : mediaTypes.join(', ')}): errors are not versioned. Use ${FIX}.`,
        path: isObject(content) ? [...path, 'content'] : path,
      },
    ];
  }
  const schema = content['application/json']?.schema;
  if (!isObject(schema) || schema.$ref !== API_ERROR_REF) {
    return [
      {
        message: `Error response ${status} must use the ApiError schema: set schema: { $ref: '${API_ERROR_REF}' }.`,
        path: [...path, 'content', 'application/json', 'schema'],
      },
    ];
  }
  return [];
});
