/**
 * Makes `error` always an ApiError-shaped object. Atlas answers errors with ApiError JSON, but a
 * proxy or load balancer may answer with an HTML page or nothing at all (a 503 during an outage,
 * a 502 from a gateway). Those become
 *   { error: <status>, errorCode: "UNEXPECTED_RESPONSE", reason: <status text>, detail: <first 200 chars> }
 * so callers can rely on `error.errorCode`. Known secrets are removed from error bodies first, in
 * case something upstream echoed the request's Authorization header.
 *
 * A 2xx whose body is not JSON (a captive portal's HTML page) rejects with AtlasInvalidResponseError
 * instead of openapi-fetch's bare JSON SyntaxError.
 */
import type { Middleware } from "openapi-fetch";
import type { components } from "../../generated/atlas.js";
import { AtlasInvalidResponseError } from "../errors.js";
import type { SecretRedactor } from "../redact.js";

export type ApiError = components["schemas"]["ApiError"];

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

function jsonResponse(body: ApiError | string, response: Response): Response {
  const headers = new Headers(response.headers);
  // The body changes length; a stale Content-Length of 0 would make openapi-fetch drop the error.
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  const copy = new Response(typeof body === "string" ? body : JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

const isJsonContentType = (contentType: string | null) => contentType !== null && /[/+]json\b/i.test(contentType);

export function apiErrorMiddleware(redactor: SecretRedactor): Middleware {
  return {
    async onResponse({ response, options }) {
      if (response.ok) {
        const contentType = response.headers.get("content-type");
        if (response.status === 204 || options.parseAs !== "json" || isJsonContentType(contentType)) return undefined;
        const text = await response.clone().text();
        if (text === "" || parseJson(text) !== undefined) return undefined;
        throw new AtlasInvalidResponseError(response.status, contentType, redactor.redact(text).slice(0, DETAIL_LENGTH));
      }
      const text = redactor.redact(await response.text());
      const parsed = parseJson(text);
      return jsonResponse(isApiError(parsed) ? text : unexpectedResponseError(response.status, response.statusText, text), response);
    },
  };
}
