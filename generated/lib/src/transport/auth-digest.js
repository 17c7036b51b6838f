/**
 * Programmatic API keys: HTTP digest authentication (RFC 7616) as Atlas asks for it
 * (realm "MMS Public API", algorithm=MD5, qop="auth").
 *
 * The first request goes out without credentials to obtain a challenge; its 401 is answered by
 * resending a clone with the digest. The nonce is then kept and reused with an increasing nc, so
 * later requests take one round trip. When the server answers 401 with stale=true the nonce has
 * expired: the request is re-sent once with the fresh nonce. Requests that start while the first
 * challenge is in flight wait for it instead of probing on their own (the wait ends at the
 * caller's abort or close()).
 *
 * nc counts per nonce for the client's lifetime: a challenge that repeats a nonce already used
 * (several concurrent stale=true answers carrying the server's one current nonce, or a non-stale
 * 401 with the same nonce) continues its count, so no (nonce, nc) pair is ever sent twice.
 */
import { randomBytes } from "node:crypto";
import { digestAuthorization, findDigestChallenge } from "../digest/rfc7616.js";
import { AtlasAuthError } from "../errors.js";
import { abortable, authorized, waitSignals } from "./send.js";
/** Nonces whose count is remembered; a server never brings back one this old. */
const REMEMBERED_NONCES = 64;
/** The last nc sent with each nonce, oldest nonce first; incremented synchronously so concurrent requests never share one. */
class NonceCounts {
    #last = new Map();
    next(nonce) {
        const nc = (this.#last.get(nonce) ?? 0) + 1;
        this.#last.delete(nonce); // re-insert: most recently used last
        this.#last.set(nonce, nc);
        if (this.#last.size > REMEMBERED_NONCES)
            this.#last.delete(this.#last.keys().next().value);
        return nc;
    }
}
export function withDigestAuth(next, { publicKey, privateKey, redactor, lifecycle }) {
    let challenge;
    let probe;
    const counts = new NonceCounts();
    const authorize = (request, current) => {
        const url = new URL(request.url);
        const header = digestAuthorization({
            challenge: current,
            username: publicKey,
            password: privateKey,
            method: request.method,
            uri: `${url.pathname}${url.search}`,
            nc: counts.next(current.nonce),
            cnonce: randomBytes(16).toString("hex"),
        });
        return authorized(request, header);
    };
    /** The Digest challenge in a 401, redacted if unusable: its text comes from the server. */
    const challengeIn = (response) => {
        try {
            return findDigestChallenge(response.headers.get("www-authenticate"));
        }
        catch (error) {
            if (error instanceof AtlasAuthError)
                throw new AtlasAuthError(redactor.redact(error.message), error.status);
            throw error;
        }
    };
    /** Adopt the challenge a 401 carries; undefined when the 401 has none (e.g. another scheme). */
    const adopt = (response) => {
        if (response.status !== 401)
            return undefined;
        const found = challengeIn(response);
        if (found)
            challenge = found;
        return found;
    };
    const sendWithoutNonce = async (request, call) => {
        const unauthenticated = next(request, call);
        probe = unauthenticated.catch(() => undefined);
        let response;
        try {
            response = await unauthenticated;
        }
        finally {
            probe = undefined;
        }
        const adopted = adopt(response);
        return adopted ? next(authorize(request, adopted), call) : response;
    };
    return async (request, call) => {
        if (!challenge && probe)
            await abortable(probe, waitSignals(call, lifecycle.signal));
        const current = challenge;
        if (!current)
            return sendWithoutNonce(request, call);
        const response = await next(authorize(request, current), call);
        if (response.status !== 401)
            return response;
        const fresh = adopt(response);
        // stale=true: right credentials, expired nonce. Anything else is a real refusal: hand it back.
        return fresh?.stale ? next(authorize(request, fresh), call) : response;
    };
}
//# sourceMappingURL=auth-digest.js.map