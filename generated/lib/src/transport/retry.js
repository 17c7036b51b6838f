/**
 * Retries of idempotent requests (GET, PUT, DELETE, HEAD, OPTIONS) on 429, 502, 503, 504, a network
 * failure or a timeout, with exponential backoff and full jitter; a Retry-After header (delta-seconds
 * or IMF-fixdate) replaces the backoff, capped by maxDelayMs. POST and PATCH go through exactly once:
 * Atlas could have acted on a request whose answer was lost, and creating a project twice is worse
 * than reporting a failure. The one exception: the token endpoint answered 429/502/503/504, so the
 * call itself was never sent; that is retried for every method, under the same budget.
 */
import { AtlasAuthError, AtlasNetworkError, AtlasTimeoutError } from "../errors.js";
import { IDEMPOTENT_METHODS, RETRY_STATUSES, sleep as defaultSleep, waitSignals } from "./send.js";
/** RFC 9110 section 5.6.7 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT". */
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/**
 * Milliseconds a Retry-After header asks for, or undefined when absent or unreadable. Only the two
 * forms of RFC 9110 section 10.2.3 are read, delta-seconds and IMF-fixdate: Date.parse alone would
 * read "-5" or "1.5" as dates in 2001 and retry at once.
 */
export function parseRetryAfter(value, now) {
    if (value === null || value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    if (!IMF_FIXDATE.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Full jitter: a uniform draw in [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]. */
export function backoffDelay(attempt, { baseDelayMs, maxDelayMs }, random) {
    return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}
/** The token endpoint was busy: the call itself never left, whatever its method. */
function isTokenEndpointBusy(error) {
    return error instanceof AtlasAuthError && error.status !== undefined && RETRY_STATUSES.has(error.status);
}
function isRetryableFailure(error, idempotent) {
    return isTokenEndpointBusy(error) || (idempotent && (error instanceof AtlasNetworkError || error instanceof AtlasTimeoutError));
}
export function withRetries(next, options, hooks = {}) {
    const { sleep = defaultSleep, random = Math.random, now = Date.now, closing } = hooks;
    const delayFor = (retryAfter, attempt) => {
        const asked = parseRetryAfter(retryAfter, now());
        return asked === undefined ? backoffDelay(attempt, options, random) : Math.min(asked, options.maxDelayMs);
    };
    return async (request, call) => {
        if (options.maxAttempts === 1)
            return next(request, call);
        const idempotent = IDEMPOTENT_METHODS.has(request.method);
        for (let attempt = 1;; attempt++) {
            const last = attempt === options.maxAttempts;
            let delay;
            try {
                const response = await next(request, call);
                if (last || !idempotent || !RETRY_STATUSES.has(response.status))
                    return response;
                delay = delayFor(response.headers.get("retry-after"), attempt);
            }
            catch (error) {
                if (!isRetryableFailure(error, idempotent))
                    throw error;
                error.attempts = attempt;
                if (last)
                    throw error;
                delay = delayFor(error instanceof AtlasAuthError ? error.retryAfter : undefined, attempt);
            }
            await sleep(delay, waitSignals(call, closing));
        }
    };
}
//# sourceMappingURL=retry.js.map