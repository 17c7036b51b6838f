// atlas-success-response-versioned-media-type / atlas-request-body-versioned-media-type: Atlas versions
// every resource by date, so 2xx and request bodies are keyed by application/vnd.atlas.YYYY-MM-DD+json.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isObject } from '../../src/openapi/document.js';

const VERSIONED = /^application\/vnd\.atlas\.(\d{4}-\d{2}-\d{2})\+json$/;
const EXAMPLE = 'application/vnd.atlas.2023-01-01+json';

/** Why mediaType is not a versioned Atlas media type, or undefined when it is one. */
function versioningProblem(mediaType) {
  const date = VERSIONED.exec(mediaType)?.[1];
  if (date === undefined) return 'is not versioned';
  // A date that does not exist (2023-02-30) comes back from toISOString as another day, or throws.
  const real = !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  return real ? undefined : 'carries a date that does not exist';
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function versionedMediaTypes(target, _options, context) {
  const last = String(context.path[context.path.length - 1]);
  const subject = last === 'requestBody' ? 'Request body' : `Response ${last}`;
  const noBody = last === '204';
  if (!isObject(target.content) || Object.keys(target.content).length === 0) {
    const hint = noBody ? ' (a 204 lists it with no schema: {})' : '';
    return [{ message: `${subject} declares no content: add content keyed by the versioned media type of the resource version, e.g. ${EXAMPLE}${hint}.`, path: context.path }];
  }
  const results = [];
  for (const [mediaType, media] of Object.entries(target.content)) {
    const path = [...context.path, 'content', mediaType];
    const problem = versioningProblem(mediaType);
    if (problem !== undefined) {
      const message = `${subject} media type '${mediaType}' ${problem}: use application/vnd.atlas.YYYY-MM-DD+json with the date of the resource version, e.g. ${EXAMPLE}.`;
      results.push({ message, path });
    } else if (noBody && isObject(media) && media.schema !== undefined) {
      results.push({ message: `${subject} has no body: remove the schema and keep the media type as '${mediaType}': {}.`, path: [...path, 'schema'] });
    } else if (!noBody && !(isObject(media) && isObject(media.schema))) {
      results.push({ message: `${subject} media type '${mediaType}' has no schema: add one (only a 204 lists its media type without a schema).`, path });
    }
  }
  return results;
});
