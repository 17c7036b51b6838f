/**
 * createAtlasClient: an openapi-fetch client over the generated `paths`, with Atlas's requirements
 * wired in. Two layers:
 *  - every method (GET, POST, ..., request) goes through one wrapper (`guarded`): required path
 *    parameters, no per-call fetch, JSON parsing into `data`, every rejection an AtlasError; it hands
 *    the call's context (caller's signal, the operation's versioned media types) to the transport;
 *  - the transport, passed to openapi-fetch as `fetch`, which may send a request several times:
 *    origin guard, headers and close() > retries > same-origin redirects > authentication > one
 *    timed exchange (src/transport/); then ApiError-shaped, redacted errors (src/middleware/api-error.ts).
 *    Service-account and API-key authentication are loaded on demand (transport/lazy-auth.ts).
 * No openapi-fetch middleware is used: openapi-fetch's middleware loop (an id and awaits per call)
 * showed in the profile (bench/RESULTS.md); a caller's own middleware still works.
 */
import createClient, {} from "openapi-fetch";
import { AtlasClientClosedError, AtlasConfigError, AtlasError, AtlasOriginError, summarize } from "./errors.js";
import { HTTP_METHODS_UPPERCASE } from "./openapi/document.js";
import { parseJsonBody, shapeErrorResponse } from "./middleware/api-error.js";
import { userAgentString } from "./middleware/user-agent.js";
import { applyMediaTypes, mediaTypesFor } from "./middleware/versioning.js";
import { resolveOptions } from "./options.js";
import { assertPathParamsGiven, pathSerializer } from "./path-params.js";
import { SecretRedactor } from "./redact.js";
import { withBearerToken } from "./transport/auth-bearer.js";
import { createExchange } from "./transport/exchange.js";
import { lazyAuth } from "./transport/lazy-auth.js";
import { Lifecycle } from "./transport/lifecycle.js";
import { withRedirects } from "./transport/redirects.js";
import { withRetries } from "./transport/retry.js";
export function createTransport(options, redactor, userAgent) {
    const lifecycle = new Lifecycle();
    const exchange = createExchange({ fetch: options.fetch, timeoutMs: options.timeoutMs, redactor, lifecycle });
    const { auth } = options;
    let authenticated = exchange;
    let release = async () => { };
    if (auth.kind === "serviceAccount") {
        redactor.add(auth.clientSecret);
        // Token requests are not aborted by close(): a token on its way is received, then revoked.
        const tokenExchange = createExchange({ fetch: options.fetch, timeoutMs: options.timeoutMs, redactor });
        const serviceAccount = lazyAuth("service-account", async () => {
            const { ServiceAccountTokens, withServiceAccountAuth } = await import("./transport/auth-service-account.js");
            const tokens = new ServiceAccountTokens({ ...auth, baseUrl: options.baseUrl, exchange: tokenExchange, redactor, userAgent, lifecycle });
            return { send: withServiceAccountAuth(exchange, tokens, lifecycle), release: () => tokens.revoke() };
        });
        authenticated = serviceAccount.send;
        release = serviceAccount.release;
    }
    else if (auth.kind === "apiKey") {
        redactor.add(auth.privateKey);
        authenticated = lazyAuth("digest", async () => {
            const { withDigestAuth } = await import("./transport/auth-digest.js");
            return { send: withDigestAuth(exchange, { ...auth, redactor, lifecycle }) };
        }).send;
    }
    else if (auth.kind === "accessToken") {
        redactor.add(auth.accessToken);
        authenticated = withBearerToken(exchange, auth.accessToken);
    }
    const origin = new URL(options.baseUrl).origin;
    const originPrefix = `${origin}/`;
    const retried = withRetries(withRedirects(authenticated, origin), options.retry, { closing: lifecycle.signal });
    const send = async (request, call) => {
        try {
            const response = await retried(request, call);
            if (lifecycle.closed)
                throw new AtlasClientClosedError();
            return response.ok ? response : await shapeErrorResponse(response, redactor);
        }
        finally {
            // Authentication set it on openapi-fetch's Request; middleware after us must not see it.
            request.headers.delete("authorization");
        }
    };
    let closed;
    return {
        send: (request, call) => {
            if (lifecycle.closed)
                return Promise.reject(new AtlasClientClosedError());
            // Credentials go only to the configured origin, whatever a per-call baseUrl or a middleware says.
            if (!request.url.startsWith(originPrefix))
                return Promise.reject(new AtlasOriginError(summarize(request), new URL(request.url).origin, origin));
            applyMediaTypes(request, call?.mediaTypes);
            request.headers.set("user-agent", userAgent);
            return send(request, call);
        },
        close: () => (closed ??= (async () => {
            lifecycle.close();
            await release();
        })()),
    };
}
/**
 * Every rejection is an AtlasError (or the caller's own abort reason): anything else that escapes
 * openapi-fetch or the platform becomes an AtlasError with a redacted message and no cause.
 */
function asAtlasError(error, init, redactor) {
    if (error instanceof AtlasError)
        return error;
    if (init?.signal?.aborted && error === init.signal.reason)
        return error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new AtlasError(`Unexpected failure: ${redactor.redact(text)}`);
}
/**
 * Wraps openapi-fetch's `request` (every method goes through it): a per-call `fetch` is refused (it
 * would skip authentication, retries and close()); the call goes to the transport with its context
 * (the caller's signal, the operation's media types); and JSON bodies are parsed here rather than
 * by openapi-fetch, so a 2xx whose body is not JSON rejects with AtlasInvalidResponseError.
 */
function guarded(request, transport, redactor) {
    return async (method, url, init) => {
        try {
            if (init?.fetch !== undefined)
                throw new AtlasConfigError("fetch", "cannot be set per call (it would bypass authentication, retries and close()); pass it to createAtlasClient");
            assertPathParamsGiven(url, init?.params?.path);
            const call = { signal: init?.signal ?? undefined, mediaTypes: mediaTypesFor(method, url) };
            const ownJson = init?.parseAs === undefined || init.parseAs === "json";
            const fetch = (sent) => transport.send(sent, call);
            const result = await request(method, url, { ...init, fetch, parseAs: ownJson ? "text" : init.parseAs });
            if (ownJson && typeof result.data === "string")
                result.data = parseJsonBody(result.data, result.response, redactor);
            return result;
        }
        catch (error) {
            throw asAtlasError(error, init, redactor);
        }
    };
}
export function createAtlasClient(options = {}) {
    const resolved = resolveOptions(options);
    const redactor = new SecretRedactor();
    const userAgent = userAgentString(resolved.userAgent);
    const transport = createTransport(resolved, redactor, userAgent);
    const client = createClient({
        baseUrl: resolved.baseUrl,
        fetch: (request) => transport.send(request),
        pathSerializer,
    });
    const methods = client;
    const call = guarded(methods.request.bind(client), transport, redactor);
    for (const method of HTTP_METHODS_UPPERCASE)
        methods[method] = (url, init) => call(method, url, init);
    methods.request = (method, url, init) => call(method.toUpperCase(), url, init);
    return Object.assign(client, { close: transport.close });
}
//# sourceMappingURL=client.js.map