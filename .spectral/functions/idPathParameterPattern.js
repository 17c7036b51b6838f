// atlas-id-path-parameter-hex-pattern: a path parameter named like an id (groupId, orgId, archiveId,
// federationSettingsId ...) is a 24-hexadecimal ObjectId and says so with the canonical pattern.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isObject } from './lib/openapiWalk.js';
import { exceptionFor, howToRecordException } from './lib/exceptions.js';

const HEX_ID_PATTERN = '^([a-f0-9]{24})$';

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function idPathParameterPattern(parameter, _options, context) {
  if (parameter.in !== 'path' || typeof parameter.name !== 'string' || !/Id$/.test(parameter.name)) return [];
  const schema = parameter.schema;
  if (isObject(schema) && schema.type === 'string' && schema.pattern === HEX_ID_PATTERN) return [];
  if (exceptionFor(parameter, context.rule.name).valid) return [];
  return [
    {
      message:
        `Path parameter '${parameter.name}' is a 24-hexadecimal id: give it ` +
        `schema: { type: string, pattern: '${HEX_ID_PATTERN}' }, ${howToRecordException(context.rule.name)}.`,
      path: [...context.path, 'schema'],
    },
  ];
});
