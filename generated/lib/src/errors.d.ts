/**
 * The errors the client rejects with. HTTP error statuses do not reject: they resolve with `error`
 * (see middleware/api-error.ts). Every message here is built from values that are not secret
 * (method, URL, status, option names); causes are sanitized copies, never a library's raw error,
 * because some of those carry request bodies or token responses.
 */
/** Base class: `instanceof AtlasError` catches everything this package throws. */
export declare class AtlasError extends Error {
    name: string;
}
/** An option passed to createAtlasClient is invalid. `field` names it (e.g. "retry.maxAttempts"). */
export declare class AtlasConfigError extends AtlasError {
    readonly field: string;
    name: string;
    constructor(field: string, problem: string);
}
/** A path parameter was missing or could change the request's path; nothing was sent. */
export declare class AtlasPathParameterError extends AtlasError {
    readonly parameter: string;
    name: string;
    constructor(parameter: string, problem: string);
}
/** What a transport failure says about the request it belongs to. */
export interface RequestSummary {
    method: string;
    /** Scheme, host and path of the request; the query string is left out. */
    url: string;
}
/** One HTTP exchange took longer than `timeoutMs`. */
export declare class AtlasTimeoutError extends AtlasError {
    readonly request: RequestSummary;
    readonly timeoutMs: number;
    name: string;
    /** How many attempts were made before giving up (set by the retry layer). */
    attempts: number;
    constructor(request: RequestSummary, timeoutMs: number);
}
/** The connection failed (refused, reset, DNS, TLS) before a complete response arrived. */
export declare class AtlasNetworkError extends AtlasError {
    readonly request: RequestSummary;
    /** The low-level error code, e.g. "ECONNRESET", when the platform reported one. */
    readonly code: string | undefined;
    name: string;
    attempts: number;
    constructor(request: RequestSummary, 
    /** The low-level error code, e.g. "ECONNRESET", when the platform reported one. */
    code: string | undefined, cause: Error);
}
/**
 * Authentication could not be completed: the token endpoint refused the client credentials or
 * answered something unusable, token revocation failed, or a digest challenge was unsupported.
 */
export declare class AtlasAuthError extends AtlasError {
    /** HTTP status of the authentication endpoint's answer, when there was one. */
    readonly status?: number | undefined;
    /** OAuth error code from the token endpoint (e.g. "invalid_client"), when it sent one. */
    readonly oauthError?: string | undefined;
    /** The token endpoint's Retry-After header, when it sent one with a 429 or 503. */
    readonly retryAfter?: string | undefined;
    name: string;
    /** How many attempts were made (a token endpoint's 429/502/503/504 is retried like the call's own). */
    attempts: number;
    constructor(message: string, 
    /** HTTP status of the authentication endpoint's answer, when there was one. */
    status?: number | undefined, 
    /** OAuth error code from the token endpoint (e.g. "invalid_client"), when it sent one. */
    oauthError?: string | undefined, 
    /** The token endpoint's Retry-After header, when it sent one with a 429 or 503. */
    retryAfter?: string | undefined);
}
/**
 * A request would have gone to an origin other than the client's `baseUrl` (a per-call `baseUrl`,
 * or a middleware that rewrote the URL). Nothing was sent: credentials go only to the configured origin.
 */
export declare class AtlasOriginError extends AtlasError {
    readonly request: RequestSummary;
    /** The origin the request was addressed to. */
    readonly origin: string;
    /** The client's origin. */
    readonly allowedOrigin: string;
    name: string;
    constructor(request: RequestSummary, 
    /** The origin the request was addressed to. */
    origin: string, 
    /** The client's origin. */
    allowedOrigin: string);
}
/**
 * A redirect the client does not follow: to another origin (credentials and answers come only from
 * the configured one; https to http is another origin), one that would turn a POST, PUT, PATCH or
 * DELETE into a GET (only 307 and 308 are followed for those), or more than 5 in a row.
 */
export declare class AtlasRedirectError extends AtlasError {
    readonly request: RequestSummary;
    /** The redirect's status (301, 302, 303, 307 or 308). */
    readonly status: number;
    /** The origin the Location header points to; its path and query string are never kept. */
    readonly origin: string;
    name: string;
    constructor(request: RequestSummary, 
    /** The redirect's status (301, 302, 303, 307 or 308). */
    status: number, 
    /** The origin the Location header points to; its path and query string are never kept. */
    origin: string, problem: string);
}
/** A successful response whose body is not JSON although the operation returns JSON. */
export declare class AtlasInvalidResponseError extends AtlasError {
    readonly status: number;
    readonly contentType: string | null;
    /** The first 200 characters of the body, with known secrets removed. */
    readonly detail: string;
    name: string;
    constructor(status: number, contentType: string | null, 
    /** The first 200 characters of the body, with known secrets removed. */
    detail: string);
}
/** The client was used after close(). */
export declare class AtlasClientClosedError extends AtlasError {
    name: string;
    constructor();
}
/** Method and URL of a request without its query string, for error messages. */
export declare function summarize(request: Request): RequestSummary;
//# sourceMappingURL=errors.d.ts.map