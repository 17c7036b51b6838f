/**
 * Service accounts: OAuth 2.0 client credentials against {baseUrl}/api/oauth/token with HTTP Basic
 * client authentication, through oauth4webapi. The token is cached until shortly before expires_in
 * runs out (a lifetime under 30 s counts as 30 s, so a server answering expires_in: 0 does not get
 * a token request per call); concurrent requests share one token request (Atlas rate-limits the
 * token endpoint); a 401 on an API call fetches a new token once and re-sends the call once;
 * revoke() (called by the client's close()) revokes the token at {baseUrl}/api/oauth/revoke, and
 * no token request starts after it.
 *
 * A token endpoint answering 429/502/503/504 rejects with an AtlasAuthError carrying the status and
 * Retry-After, which the retry layer retries; other refusals are final.
 *
 * oauth4webapi's errors are not passed on as causes: some carry the token response body. Every
 * text an AtlasAuthError carries from the server (OAuth error code, description) is redacted.
 */
import * as oauth from "oauth4webapi";
import { AtlasAuthError, AtlasClientClosedError, AtlasError } from "../errors.js";
import { abortable, authorized, RETRY_STATUSES, waitSignals } from "./send.js";
/** Shortest lifetime a token is shared for, whatever expires_in says. */
export const MIN_TOKEN_LIFETIME_MS = 30_000;
/** An access token travels in a header: visible ASCII only (RFC 6750 b64token is a subset). */
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;
/**
 * HTTP Basic client authentication as Atlas's own SDK (Go, golang.org/x/oauth2) sends it: each
 * part query-escaped, which leaves Atlas's "mdb_sa_id_..." / "mdb_sa_sk_..." characters as they are,
 * exactly like the documented `curl --user id:secret`. oauth4webapi's ClientSecretBasic escapes
 * "_", "-" and "." too (panva/oauth4webapi#148, #199), which a server that does not form-decode
 * Basic credentials rejects; the rest of the exchange stays oauth4webapi's.
 */
export function basicCredentials(clientId, clientSecret) {
    const escape = (value) => encodeURIComponent(value)
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, "+");
    return btoa(`${escape(clientId)}:${escape(clientSecret)}`);
}
/**
 * A copy of an error for one caller. Concurrent calls share one token request: each gets its own
 * copy of its failure, so setting `attempts` on one does not change another's.
 */
function copyForCaller(error) {
    return Object.defineProperties(Object.create(Object.getPrototypeOf(error)), Object.getOwnPropertyDescriptors(error));
}
/** Renew this long before expiry: a tenth of the lifetime, at most a minute. */
function renewalMargin(lifetimeMs) {
    return Math.min(60_000, lifetimeMs / 10);
}
export class ServiceAccountTokens {
    #as;
    #client;
    #clientAuth;
    #http;
    #redactor;
    #lifecycle;
    #token;
    #pending;
    /** The last tokens issued, newest last: the ones that can still show up in a server's answer. */
    #liveTokens = [];
    #revoked = false;
    constructor({ baseUrl, clientId, clientSecret, exchange, redactor, userAgent, lifecycle }) {
        this.#as = {
            issuer: baseUrl,
            token_endpoint: `${baseUrl}/api/oauth/token`,
            revocation_endpoint: `${baseUrl}/api/oauth/revoke`,
        };
        this.#client = { client_id: clientId };
        const credentials = basicCredentials(clientId, clientSecret);
        this.#clientAuth = (_as, _client, _body, headers) => headers.set("authorization", `Basic ${credentials}`);
        this.#http = {
            headers: { "user-agent": userAgent },
            [oauth.customFetch]: (url, init) => exchange(new Request(url, init)),
            // Plain http is only reachable for loopback hosts (checked in options.ts): local mocks and tests.
            [oauth.allowInsecureRequests]: baseUrl.startsWith("http:"),
        };
        this.#redactor = redactor;
        this.#lifecycle = lifecycle;
        redactor.add(clientSecret, credentials);
    }
    /** The cached token while it is fresh (the common case, without a promise). */
    cached() {
        return this.#token && Date.now() < this.#token.renewAt ? this.#token.value : undefined;
    }
    /** A valid token, from the cache or from one shared token request; never after close(). */
    get() {
        if (this.#revoked || this.#lifecycle?.closed)
            return Promise.reject(new AtlasClientClosedError());
        const cached = this.cached();
        if (cached !== undefined)
            return Promise.resolve(cached);
        this.#pending ??= this.#request().finally(() => {
            this.#pending = undefined;
        });
        return this.#pending;
    }
    /** After a 401 with `rejected`: a new token, unless another request already replaced it. */
    renew(rejected) {
        if (this.#token?.value === rejected)
            this.#token = undefined;
        return this.get();
    }
    async revoke() {
        this.#revoked = true;
        // A token request in flight is let finish, so the token it brings is revoked too.
        await this.#pending?.catch(() => undefined);
        const token = this.#token?.value;
        this.#token = undefined;
        if (token === undefined)
            return;
        try {
            const response = await oauth.revocationRequest(this.#as, this.#client, this.#clientAuth, token, {
                ...this.#http,
                additionalParameters: { token_type_hint: "access_token" },
            });
            await oauth.processRevocationResponse(response);
        }
        catch (error) {
            throw this.#authError("Service account token revocation failed", error);
        }
    }
    async #request() {
        try {
            const response = await oauth.clientCredentialsGrantRequest(this.#as, this.#client, this.#clientAuth, {}, this.#http);
            if (RETRY_STATUSES.has(response.status)) {
                const retryAfter = response.headers.get("retry-after") ?? undefined;
                throw new AtlasAuthError(`Service account token request failed: HTTP ${response.status} (the token endpoint is busy)`, response.status, undefined, retryAfter);
            }
            const result = await oauth.processClientCredentialsResponse(this.#as, this.#client, response);
            if (result.token_type !== "bearer")
                throw new AtlasAuthError(`Token endpoint issued an unsupported token_type ${JSON.stringify(this.#redactor.redact(String(result.token_type)))}`, response.status);
            if (!HEADER_SAFE_TOKEN.test(result.access_token))
                throw new AtlasAuthError("Token endpoint issued an access_token that is not a valid header value", response.status);
            this.#remember(result.access_token);
            const lifetimeMs = result.expires_in === undefined ? Infinity : Math.max(MIN_TOKEN_LIFETIME_MS, result.expires_in * 1000);
            this.#token = { value: result.access_token, renewAt: Date.now() + lifetimeMs - renewalMargin(lifetimeMs) };
            return result.access_token;
        }
        catch (error) {
            throw this.#authError("Service account token request failed", error);
        }
    }
    /** Redact a new token; forget the one two tokens back (nothing can carry it any more). */
    #remember(token) {
        this.#redactor.add(token);
        this.#liveTokens.push(token);
        if (this.#liveTokens.length > 2)
            this.#redactor.remove(this.#liveTokens.shift());
    }
    /** Our own errors pass through; oauth4webapi's become an AtlasAuthError keeping only status and OAuth code, redacted. */
    #authError(what, error) {
        if (error instanceof AtlasError)
            return error;
        if (error instanceof oauth.ResponseBodyError) {
            const code = this.#redactor.redact(String(error.error));
            const description = error.error_description ? `: ${this.#redactor.redact(String(error.error_description))}` : "";
            return new AtlasAuthError(`${what}: HTTP ${error.status} ${code}${description}`, error.status, code);
        }
        const status = error instanceof oauth.OperationProcessingError && error.cause instanceof Response ? error.cause.status : undefined;
        const reason = error instanceof Error ? this.#redactor.redact(error.message) : "unexpected error";
        return new AtlasAuthError(`${what}: ${status === undefined ? "" : `HTTP ${status}, `}${reason}`, status);
    }
}
/**
 * Sends each request with the current bearer token; on 401, renews the token and re-sends once.
 * A wait for a token request ends at the caller's abort or the client's close(), whichever is first.
 */
export function withServiceAccountAuth(next, tokens, lifecycle) {
    const wait = (token, call) => abortable(token, waitSignals(call, lifecycle.signal)).catch((error) => {
        throw error instanceof AtlasAuthError ? copyForCaller(error) : error;
    });
    return async (request, call) => {
        const token = tokens.cached() ?? (await wait(tokens.get(), call));
        const response = await next(authorized(request, `Bearer ${token}`), call);
        if (response.status !== 401)
            return response;
        const renewed = await wait(tokens.renew(token), call);
        return next(authorized(request, `Bearer ${renewed}`), call);
    };
}
//# sourceMappingURL=auth-service-account.js.map