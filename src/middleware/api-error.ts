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
import { AtlasInvalidResponseError } from "../errors.js";
import type { SecretRedactor } from "../redact.js";

// The schema marks the server-written fields readOnly (as the official spec does); the client only
// ever reads an ApiError, so callers get the plain response shape without openapi-typescript's markers.
export type ApiError = Readable<components["schemas"]["ApiError"]>;

export const UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";
const DETAIL_LENGTH = 200;

function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).error === "number" &&
    typeof (value as ApiError).errorCode === "string"
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error body for a response that did not carry an ApiError. */
export function unexpectedResponseError(status: number, statusText: string, body: string): ApiError {
  return {
    error: status,
    errorCode: UNEXPECTED_RESPONSE,
    reason: statusText || `HTTP ${status}`,
    detail: body.slice(0, DETAIL_LENGTH),
  };
}

/** A copy of `response` with a new body (null: none, announced as Content-Length 0 so openapi-fetch reads nothing). */
function withBody(body: string | null, response: Response): Response {
  const headers = new Headers(response.headers);
  if (body === null) {
    headers.set("content-length", "0");
  } else {
    // The body changes length; a stale Content-Length of 0 would make openapi-fetch drop the error.
    headers.delete("content-length");
    headers.set("content-type", "application/json");
  }
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

/** The parsed JSON body `text` of a 2xx `response` (undefined when empty), or AtlasInvalidResponseError with a redacted excerpt. */
export function parseJsonBody(text: string, response: Response, redactor: SecretRedactor): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AtlasInvalidResponseError(response.status, response.headers.get("content-type"), redactor.redact(text).slice(0, DETAIL_LENGTH));
  }
}

/** The response openapi-fetch gets: a 2xx as it is, a 304 without a body, any other an ApiError JSON body, redacted. */
export async function shapeErrorResponse(response: Response, redactor: SecretRedactor): Promise<Response> {
  if (response.ok) return response;
  if (response.status === 304) return withBody(null, response);
  const text = await response.text();
  const parsed = parseJson(text);
  const body = isApiError(parsed)
    ? redactor.redactValue(parsed)
    : unexpectedResponseError(response.status, redactor.redact(response.statusText), redactor.redact(text));
  return withBody(JSON.stringify(body), response);
}
