// atlas-success-response-versioned-media-type / atlas-request-body-versioned-media-type:
// Atlas versions every resource by date, so a successful response body and a request body are
// keyed by application/vnd.atlas.YYYY-MM-DD+json, never by plain application/json.
import { createRulesetFunction } from '@stoplight/spectral-core';
import { isObject } from './lib/openapiWalk.js';

const VERSIONED_MEDIA_TYPE = /^application\/vnd\.atlas\.(\d{4})-(\d{2})-(\d{2})\+json$/;
const EXAMPLE = 'application/vnd.atlas.2023-01-01+json';

function isCalendarDate(year, month, day) {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/** Why mediaType is not a versioned Atlas media type, or undefined when it is one. */
function versioningProblem(mediaType) {
  const match = VERSIONED_MEDIA_TYPE.exec(mediaType);
  if (match === null) return 'is not versioned';
  if (!isCalendarDate(match[1], match[2], match[3])) return 'carries a date that does not exist';
  return undefined;
}

export default createRulesetFunction({ input: { type: 'object' }, options: null }, function versionedMediaTypes(target, _options, context) {
  const last = String(context.path[context.path.length - 1]);
  const isRequestBody = last === 'requestBody';
  const subject = isRequestBody ? 'Request body' : `Response ${last}`;
  const noBody = last === '204';
  const content = target.content;
  if (!isObject(content) || Object.keys(content).length === 0) {
    return [
      {
        message: `${subject} declares no content: add content keyed by the versioned media type of the resource version, e.g. ${EXAMPLE}${noBody ? ' (a 204 lists it with no schema: {})' : ''}.`,
        path: context.path,
      },
    ];
  }
  const results = [];
  for (const [mediaType, media] of Object.entries(content)) {
    const path = [...context.path, 'content', mediaType];
    const problem = versioningProblem(mediaType);
    if (problem !== undefined) {
      results.push({
        message: `${subject} media type '${mediaType}' ${problem}: use application/vnd.atlas.YYYY-MM-DD+json with the date of the resource version, e.g. ${EXAMPLE}.`,
        path,
      });
    } else if (noBody && isObject(media) && media.schema !== undefined) {
      results.push({ message: `${subject} has no body: remove the schema and keep the media type as '${mediaType}': {}.`, path: [...path, 'schema'] });
    } else if (!noBody && !(isObject(media) && isObject(media.schema))) {
      results.push({ message: `${subject} media type '${mediaType}' has no schema: add one (only a 204 lists its media type without a schema).`, path });
    }
  }
  return results;
});
