/**
 * The errors the client rejects with. HTTP error statuses do not reject: they resolve with `error`
 * (see middleware/api-error.ts). Every message here is built from values that are not secret
 * (method, URL, status, option names); causes are sanitized copies, never a library's raw error,
 * because some of those carry request bodies or token responses.
 */
/** Base class: `instanceof AtlasError` catches everything this package throws. */
export class AtlasError extends Error {
    name = "AtlasError";
}
/** An option passed to createAtlasClient is invalid. `field` names it (e.g. "retry.maxAttempts"). */
export class AtlasConfigError extends AtlasError {
    field;
    name = "AtlasConfigError";
    constructor(field, problem) {
        super(`Invalid option ${field}: ${problem}`);
        this.field = field;
    }
}
/** A path parameter was missing or could change the request's path; nothing was sent. */
export class AtlasPathParameterError extends AtlasError {
    parameter;
    name = "AtlasPathParameterError";
    constructor(parameter, problem) {
        super(`Invalid path parameter ${parameter}: ${problem}`);
        this.parameter = parameter;
    }
}
/** One HTTP exchange took longer than `timeoutMs`. */
export class AtlasTimeoutError extends AtlasError {
    request;
    timeoutMs;
    name = "AtlasTimeoutError";
    /** How many attempts were made before giving up (set by the retry layer). */
    attempts = 1;
    constructor(request, timeoutMs) {
        super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`);
        this.request = request;
        this.timeoutMs = timeoutMs;
    }
}
/** The connection failed (refused, reset, DNS, TLS) before a complete response arrived. */
export class AtlasNetworkError extends AtlasError {
    request;
    code;
    name = "AtlasNetworkError";
    attempts = 1;
    constructor(request, 
    /** The low-level error code, e.g. "ECONNRESET", when the platform reported one. */
    code, cause) {
        super(`${request.method} ${request.url} failed: ${code ?? cause.message}`, { cause });
        this.request = request;
        this.code = code;
    }
}
/**
 * Authentication could not be completed: the token endpoint refused the client credentials or
 * answered something unusable, token revocation failed, or a digest challenge was unsupported.
 */
export class AtlasAuthError extends AtlasError {
    status;
    oauthError;
    retryAfter;
    name = "AtlasAuthError";
    /** How many attempts were made (a token endpoint's 429/502/503/504 is retried like the call's own). */
    attempts = 1;
    constructor(message, 
    /** HTTP status of the authentication endpoint's answer, when there was one. */
    status, 
    /** OAuth error code from the token endpoint (e.g. "invalid_client"), when it sent one. */
    oauthError, 
    /** The token endpoint's Retry-After header, when it sent one with a 429 or 503. */
    retryAfter) {
        super(message);
        this.status = status;
        this.oauthError = oauthError;
        this.retryAfter = retryAfter;
    }
}
/**
 * A request would have gone to an origin other than the client's `baseUrl` (a per-call `baseUrl`,
 * or a middleware that rewrote the URL). Nothing was sent: credentials go only to the configured origin.
 */
export class AtlasOriginError extends AtlasError {
    request;
    origin;
    allowedOrigin;
    name = "AtlasOriginError";
    constructor(request, 
    /** The origin the request was addressed to. */
    origin, 
    /** The client's origin. */
    allowedOrigin) {
        super(`${request.method} ${request.url} refused: this client sends requests only to ${allowedOrigin}`);
        this.request = request;
        this.origin = origin;
        this.allowedOrigin = allowedOrigin;
    }
}
/**
 * A redirect the client does not follow: to another origin (credentials and answers come only from
 * the configured one; https to http is another origin), one that would turn a POST, PUT, PATCH or
 * DELETE into a GET (only 307 and 308 are followed for those), or more than 5 in a row.
 */
export class AtlasRedirectError extends AtlasError {
    request;
    status;
    origin;
    name = "AtlasRedirectError";
    constructor(request, 
    /** The redirect's status (301, 302, 303, 307 or 308). */
    status, 
    /** The origin the Location header points to; its path and query string are never kept. */
    origin, problem) {
        super(`${request.method} ${request.url} was redirected (${status}) to ${origin}: ${problem}`);
        this.request = request;
        this.status = status;
        this.origin = origin;
    }
}
/** A successful response whose body is not JSON although the operation returns JSON. */
export class AtlasInvalidResponseError extends AtlasError {
    status;
    contentType;
    detail;
    name = "AtlasInvalidResponseError";
    constructor(status, contentType, 
    /** The first 200 characters of the body, with known secrets removed. */
    detail) {
        super(`Expected a JSON response body, got ${contentType ?? "no Content-Type"} with status ${status}`);
        this.status = status;
        this.contentType = contentType;
        this.detail = detail;
    }
}
/** The client was used after close(). */
export class AtlasClientClosedError extends AtlasError {
    name = "AtlasClientClosedError";
    constructor() {
        super("The Atlas client is closed; create a new one with createAtlasClient()");
    }
}
/** Method and URL of a request without its query string, for error messages. */
export function summarize(request) {
    const url = new URL(request.url);
    return { method: request.method, url: `${url.origin}${url.pathname}` };
}
//# sourceMappingURL=errors.js.map