/**
 * Makes `error` always an ApiError-shaped object. Atlas answers errors with ApiError JSON, but a
 * proxy or load balancer may answer with an HTML page or nothing at all (a 503 during an outage,
 * a 502 from a gateway). Those become
 *   { error: <status>, errorCode: "UNEXPECTED_RESPONSE", reason: <status text>, detail: <first 200 chars> }
 * so callers can rely on `error.errorCode`. Known secrets are removed from error bodies, in case
 * something upstream echoed the request's Authorization header: from the parsed values (JSON may
 * escape a token's "/" as "\/"), and from the text when it is not JSON.
 *
 * A 304 (the caller sent If-None-Match) has no body: it resolves with neither data nor error.
 * 2xx bodies are parsed by the client itself (client.ts, readJson), so that one that is not JSON
 * rejects with AtlasInvalidResponseError instead of openapi-fetch's bare SyntaxError.
 */
import type { components, Readable } from "../../generated/atlas.js";
import type { SecretRedactor } from "../redact.js";
export type ApiError = Readable<components["schemas"]["ApiError"]>;
export declare const UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";
/** The error body for a response that did not carry an ApiError. */
export declare function unexpectedResponseError(status: number, statusText: string, body: string): ApiError;
/** The parsed JSON body `text` of a 2xx `response` (undefined when empty), or AtlasInvalidResponseError with a redacted excerpt. */
export declare function parseJsonBody(text: string, response: Response, redactor: SecretRedactor): unknown;
/** The response openapi-fetch gets: a 2xx as it is, a 304 without a body, any other an ApiError JSON body, redacted. */
export declare function shapeErrorResponse(response: Response, redactor: SecretRedactor): Promise<Response>;
//# sourceMappingURL=api-error.d.ts.map