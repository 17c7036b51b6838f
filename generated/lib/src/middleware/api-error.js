import { AtlasInvalidResponseError } from "../errors.js";
export const UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";
const DETAIL_LENGTH = 200;
function isApiError(value) {
    return (typeof value === "object" &&
        value !== null &&
        typeof value.error === "number" &&
        typeof value.errorCode === "string");
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** The error body for a response that did not carry an ApiError. */
export function unexpectedResponseError(status, statusText, body) {
    return {
        error: status,
        errorCode: UNEXPECTED_RESPONSE,
        reason: statusText || `HTTP ${status}`,
        detail: body.slice(0, DETAIL_LENGTH),
    };
}
/** A copy of `response` with a new body (null: none, announced as Content-Length 0 so openapi-fetch reads nothing). */
function withBody(body, response) {
    const headers = new Headers(response.headers);
    if (body === null) {
        headers.set("content-length", "0");
    }
    else {
        // The body changes length; a stale Content-Length of 0 would make openapi-fetch drop the error.
        headers.delete("content-length");
        headers.set("content-type", "application/json");
    }
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers });
    Object.defineProperty(copy, "url", { value: response.url });
    return copy;
}
/** The parsed JSON body `text` of a 2xx `response` (undefined when empty), or AtlasInvalidResponseError with a redacted excerpt. */
export function parseJsonBody(text, response, redactor) {
    if (text === "")
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new AtlasInvalidResponseError(response.status, response.headers.get("content-type"), redactor.redact(text).slice(0, DETAIL_LENGTH));
    }
}
/** The response openapi-fetch gets: a 2xx as it is, a 304 without a body, any other an ApiError JSON body, redacted. */
export async function shapeErrorResponse(response, redactor) {
    if (response.ok)
        return response;
    if (response.status === 304)
        return withBody(null, response);
    const text = await response.text();
    const parsed = parseJson(text);
    const body = isApiError(parsed)
        ? redactor.redactValue(parsed)
        : unexpectedResponseError(response.status, redactor.redact(response.statusText), redactor.redact(text));
    return withBody(JSON.stringify(body), response);
}
//# sourceMappingURL=api-error.js.map