/**
 * The bottom of the transport: one HTTP exchange, start to last body byte, within `timeoutMs`.
 *
 * It never consumes the request it is given (a request with a body is sent as a clone), so the
 * layers above may send the same Request again (retries, digest round trips, redirects) without
 * copying it. The signal it is sent with carries the timeout, the caller's abort and close()
 * (transport/timeouts.ts; cheaper than AbortSignal.any, which showed in the profile).
 *
 * The body is read here, inside the timer, so a server that sends headers and then stalls still
 * times out; the layers above and openapi-fetch read it from memory (buffered-response.ts).
 * Failures become AtlasTimeoutError / AtlasNetworkError with a sanitized cause (the platform's
 * error may reference the request; only its name, code and redacted message are kept).
 */
import { AtlasClientClosedError, AtlasNetworkError, AtlasTimeoutError, summarize } from "../errors.js";
import { BufferedResponse } from "./buffered-response.js";
import { Timeouts } from "./timeouts.js";
/**
 * The network error for a failed exchange: the first error code along the cause chain (undici puts
 * ECONNRESET on the cause), and as cause a plain Error carrying what the platform said, minus
 * anything secret, and no object references.
 */
function networkError(request, error, redactor) {
    const messages = [];
    let code;
    for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
        messages.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
        if (typeof e !== "object")
            break;
        const found = e.code;
        if (code === undefined && typeof found === "string")
            code = found;
    }
    const cause = Object.assign(new Error(redactor.redact(messages.join(" <- "))), code ? { code } : {});
    return new AtlasNetworkError(summarize(request), code, cause);
}
export function createExchange({ fetch, timeoutMs, redactor, lifecycle }) {
    const timeouts = new Timeouts(timeoutMs, lifecycle);
    return async (request, call) => {
        const caller = call?.signal;
        if (caller?.aborted)
            throw caller.reason;
        if (lifecycle?.closed)
            throw new AtlasClientClosedError();
        const slot = timeouts.join(caller);
        try {
            // Redirects are the redirect layer's (transport/redirects.ts): fetch would follow them anywhere.
            const init = { signal: slot.signal, redirect: "manual" };
            return await BufferedResponse.from(await fetch(request.body === null ? request : request.clone(), init));
        }
        catch (error) {
            // The caller's own abort is theirs to handle: pass its reason through untouched.
            if (caller?.aborted)
                throw caller.reason;
            if (lifecycle?.closed)
                throw new AtlasClientClosedError();
            if (slot.timedOut)
                throw new AtlasTimeoutError(summarize(request), timeoutMs);
            throw networkError(request, error, redactor);
        }
        finally {
            timeouts.leave(slot);
        }
    };
}
//# sourceMappingURL=exchange.js.map