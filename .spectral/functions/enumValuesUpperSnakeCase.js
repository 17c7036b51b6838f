// atlas-enum-values-upper-snake-case: string enum values are UPPER_SNAKE_CASE (ORG_OWNER, GOV_REGIONS_ONLY),
// unless the schema that holds the enum records why the wire format differs, with
//   x-lint-exceptions: { atlas-enum-values-upper-snake-case: "<reason>" }
// Integer (and other non-string) enum values are not names and are not checked.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { forEachSchema } from './lib/openapiWalk.js';
import { exceptionFor, howToRecordException } from './lib/exceptions.js';

const UPPER_SNAKE_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

function toUpperSnakeCase(value) {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function enumValuesUpperSnakeCase(document, _options, context) {
  const ruleName = context.rule.name;
  const results = [];
  forEachSchema(document, (schema, path) => {
    if (!Array.isArray(schema.enum)) return;
    const offending = schema.enum.filter(value => typeof value === 'string' && !UPPER_SNAKE_CASE.test(value));
    if (offending.length === 0) return;
    const exception = exceptionFor(schema, ruleName);
    if (exception.valid) return;
    const examples = offending.map(value => `${JSON.stringify(value)} -> ${JSON.stringify(toUpperSnakeCase(value) || 'VALUE')}`);
    results.push({
      message:
        `Enum values must be UPPER_SNAKE_CASE: rename ${examples.join(', ')}, ${howToRecordException(ruleName)}` +
        (exception.recorded ? ' (the exception recorded here has no reason, so it does not count).' : '.'),
      path: [...path, 'enum'],
    });
  });
  return results;
});
