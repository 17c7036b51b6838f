/**
 * Programmatic API keys: HTTP digest authentication (RFC 7616) as Atlas asks for it
 * (realm "MMS Public API", algorithm=MD5, qop="auth").
 *
 * The first request goes out without credentials to obtain a challenge; its 401 is answered by
 * resending a clone with the digest. The nonce is then kept and reused with an increasing nc, so
 * later requests take one round trip. When the server answers 401 with stale=true the nonce has
 * expired: the request is re-sent once with the fresh nonce. Requests that start while the first
 * challenge is in flight wait for it instead of probing on their own.
 */
import { randomBytes } from "node:crypto";
import { digestAuthorization, findDigestChallenge, type DigestChallenge } from "../digest/rfc7616.js";
import type { ApiKeyAuth } from "../options.js";
import { withHeader, type Send } from "./send.js";

interface NonceState {
  challenge: DigestChallenge;
  /** Last nc used with this nonce; incremented synchronously so concurrent requests never share one. */
  nc: number;
}

export function withDigestAuth(next: Send, { publicKey, privateKey }: ApiKeyAuth): Send {
  let state: NonceState | undefined;
  let probe: Promise<unknown> | undefined;

  const authorize = (request: Request, current: NonceState): Request => {
    const url = new URL(request.url);
    const header = digestAuthorization({
      challenge: current.challenge,
      username: publicKey,
      password: privateKey,
      method: request.method,
      uri: `${url.pathname}${url.search}`,
      nc: ++current.nc,
      cnonce: randomBytes(16).toString("hex"),
    });
    return withHeader(request, "authorization", header);
  };

  /** Adopt the challenge a 401 carries; undefined when the 401 has none (e.g. another scheme). */
  const adopt = (response: Response): NonceState | undefined => {
    if (response.status !== 401) return undefined;
    const challenge = findDigestChallenge(response.headers.get("www-authenticate"));
    if (!challenge) return undefined;
    state = { challenge, nc: 0 };
    return state;
  };

  const sendWithoutNonce = async (request: Request): Promise<Response> => {
    const unauthenticated = next(request.clone());
    probe = unauthenticated.catch(() => undefined);
    let response: Response;
    try {
      response = await unauthenticated;
    } finally {
      probe = undefined;
    }
    const adopted = adopt(response);
    return adopted ? next(authorize(request, adopted)) : response;
  };

  return async (request) => {
    if (!state && probe) await probe;
    const current = state;
    if (!current) return sendWithoutNonce(request);
    const response = await next(authorize(request, current));
    if (response.status !== 401) return response;
    const fresh = adopt(response);
    // stale=true: right credentials, expired nonce. Anything else is a real refusal: hand it back.
    return fresh?.challenge.stale ? next(authorize(request, fresh)) : response;
  };
}
