// Recorded exceptions: an object (a schema, a parameter) opts out of one Atlas rule with
//   x-lint-exceptions:
//     <rule name>: <why the rule does not apply here>
// An exception without a non-empty reason does not count (and atlas-lint-exceptions-have-reasons
// reports it), so every exemption in the document says why it exists.

import { isObject } from './openapiWalk.js';

export const EXCEPTIONS_KEY = 'x-lint-exceptions';

/**
 * What `node` records for `ruleName`: { recorded: false } when nothing, else
 * { recorded: true, valid } where valid means the reason is a non-empty string.
 */
export function exceptionFor(node, ruleName) {
  const exceptions = isObject(node) ? node[EXCEPTIONS_KEY] : undefined;
  if (!isObject(exceptions) || !Object.hasOwn(exceptions, ruleName)) return { recorded: false, valid: false };
  const reason = exceptions[ruleName];
  return { recorded: true, valid: typeof reason === 'string' && reason.trim() !== '' };
}

/** The sentence a message appends to tell the author how to record an exception for ruleName. */
export function howToRecordException(ruleName) {
  return `or, if the API really works this way, record why on this object: ${EXCEPTIONS_KEY}: { ${ruleName}: "<reason>" }`;
}
