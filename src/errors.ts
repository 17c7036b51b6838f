/**
 * The errors the client rejects with. HTTP error statuses do not reject: they resolve with `error`
 * (see middleware/api-error.ts). Every message here is built from values that are not secret
 * (method, URL, status, option names); causes are sanitized copies, never a library's raw error,
 * because some of those carry request bodies or token responses.
 */

/** Base class: `instanceof AtlasError` catches everything this package throws. */
export class AtlasError extends Error {
  override name = "AtlasError";
}

/** An option passed to createAtlasClient is invalid. `field` names it (e.g. "retry.maxAttempts"). */
export class AtlasConfigError extends AtlasError {
  override name = "AtlasConfigError";
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Invalid option ${field}: ${problem}`);
  }
}

/** A path parameter was missing or could change the request's path; nothing was sent. */
export class AtlasPathParameterError extends AtlasError {
  override name = "AtlasPathParameterError";
  constructor(
    readonly parameter: string,
    problem: string,
  ) {
    super(`Invalid path parameter ${parameter}: ${problem}`);
  }
}

/** What a transport failure says about the request it belongs to. */
export interface RequestSummary {
  method: string;
  /** Scheme, host and path of the request; the query string is left out. */
  url: string;
}

/** One HTTP exchange took longer than `timeoutMs`. */
export class AtlasTimeoutError extends AtlasError {
  override name = "AtlasTimeoutError";
  /** How many attempts were made before giving up (set by the retry layer). */
  attempts = 1;
  constructor(
    readonly request: RequestSummary,
    readonly timeoutMs: number,
  ) {
    super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`);
  }
}

/** The connection failed (refused, reset, DNS, TLS) before a complete response arrived. */
export class AtlasNetworkError extends AtlasError {
  override name = "AtlasNetworkError";
  attempts = 1;
  constructor(
    readonly request: RequestSummary,
    /** The low-level error code, e.g. "ECONNRESET", when the platform reported one. */
    readonly code: string | undefined,
    cause: Error,
  ) {
    super(`${request.method} ${request.url} failed: ${code ?? cause.message}`, { cause });
  }
}

/**
 * Authentication could not be completed: the token endpoint refused the client credentials or
 * answered something unusable, token revocation failed, or a digest challenge was unsupported.
 */
export class AtlasAuthError extends AtlasError {
  override name = "AtlasAuthError";
  /** How many attempts were made (a token endpoint's 429/502/503/504 is retried like the call's own). */
  attempts = 1;
  constructor(
    message: string,
    /** HTTP status of the authentication endpoint's answer, when there was one. */
    readonly status?: number,
    /** OAuth error code from the token endpoint (e.g. "invalid_client"), when it sent one. */
    readonly oauthError?: string,
    /** The token endpoint's Retry-After header, when it sent one with a 429 or 503. */
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

/**
 * A request would have gone to an origin other than the client's `baseUrl` (a per-call `baseUrl`,
 * or a middleware that rewrote the URL). Nothing was sent: credentials go only to the configured origin.
 */
export class AtlasOriginError extends AtlasError {
  override name = "AtlasOriginError";
  constructor(
    readonly request: RequestSummary,
    /** The origin the request was addressed to. */
    readonly origin: string,
    /** The client's origin. */
    readonly allowedOrigin: string,
  ) {
    super(`${request.method} ${request.url} refused: this client sends requests only to ${allowedOrigin}`);
  }
}

/**
 * A redirect the client does not follow: to another origin (credentials and answers come only from
 * the configured one; https to http is another origin), one that would turn a POST, PUT, PATCH or
 * DELETE into a GET (only 307 and 308 are followed for those), or more than 5 in a row.
 */
export class AtlasRedirectError extends AtlasError {
  override name = "AtlasRedirectError";
  constructor(
    readonly request: RequestSummary,
    /** The redirect's status (301, 302, 303, 307 or 308). */
    readonly status: number,
    /** The origin the Location header points to; its path and query string are never kept. */
    readonly origin: string,
    problem: string,
  ) {
    super(`${request.method} ${request.url} was redirected (${status}) to ${origin}: ${problem}`);
  }
}

/** A successful response whose body is not JSON although the operation returns JSON. */
export class AtlasInvalidResponseError extends AtlasError {
  override name = "AtlasInvalidResponseError";
  constructor(
    readonly status: number,
    readonly contentType: string | null,
    /** The first 200 characters of the body, with known secrets removed. */
    readonly detail: string,
  ) {
    super(`Expected a JSON response body, got ${contentType ?? "no Content-Type"} with status ${status}`);
  }
}

/** The client was used after close(). */
export class AtlasClientClosedError extends AtlasError {
  override name = "AtlasClientClosedError";
  constructor() {
    super("The Atlas client is closed; create a new one with createAtlasClient()");
  }
}

/** Method and URL of a request without its query string, for error messages. */
export function summarize(request: Request): RequestSummary {
  const url = new URL(request.url);
  return { method: request.method, url: `${url.origin}${url.pathname}` };
}
