/**
 * createAtlasFetch: the client's transport as a plain `fetch`, for clients generated from the document
 * by other tools (hey-api, orval, swagger-typescript-api, oazapfts, ...). Hand it to the generated
 * client as its fetch and every call gets what createAtlasClient gives its own calls: authentication
 * (bearer token, service account, digest), retries, timeouts, the User-Agent, and the operation's
 * versioned `Accept` and `Content-Type`, which most generators do not send.
 *
 * Credentials only go to `baseUrl`: a request for any other URL rejects with AtlasConfigError before
 * anything is sent, so a generated client pointed elsewhere cannot leak a token.
 */
import { operationMediaTypes } from "../generated/media-types.js";
import { createTransport } from "./client.js";
import { AtlasConfigError } from "./errors.js";
import { userAgentString } from "./middleware/user-agent.js";
import { resolveOptions } from "./options.js";
import { SecretRedactor } from "./redact.js";
/** Content types generators put on any JSON body, replaced by the operation's versioned type. */
const GENERIC_JSON = new Set(["application/json", "application/json; charset=utf-8"]);
/** Accept values that ask for no particular version, replaced by the operation's versioned type. */
const GENERIC_ACCEPT = new Set(["application/json", "*/*", "application/json, */*", "application/json, text/plain, */*"]);
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
const routes = Object.values(operationMediaTypes).map((op) => ({
    method: op.method,
    // A path parameter is one non-empty segment, as the document's path templates mean.
    pattern: new RegExp(`^${op.path.split(/\{[^{}]+\}/).map(escapeRegExp).join("[^/]+")}$`),
    accept: op.accept,
    ...("contentType" in op ? { contentType: op.contentType } : {}),
}));
/** The versioned media types of the operation a request is for, found by method and path. */
export function mediaTypesForRequest(method, pathname) {
    return routes.find((route) => route.method === method.toUpperCase() && route.pattern.test(pathname));
}
/** The Content-Type the caller set, before `new Request` adds text/plain to a string body. */
function callerContentType(input, init) {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    return headers.get("content-type");
}
function versioned(request, pathPrefix, contentType) {
    const pathname = new URL(request.url).pathname.slice(pathPrefix.length);
    const types = mediaTypesForRequest(request.method, pathname);
    if (!types)
        return request;
    const accept = request.headers.get("accept");
    if (accept === null || GENERIC_ACCEPT.has(accept.toLowerCase()))
        request.headers.set("accept", types.accept);
    if (types.contentType && request.body !== null && (contentType === null || GENERIC_JSON.has(contentType.toLowerCase()))) {
        request.headers.set("content-type", types.contentType);
    }
    return request;
}
export function createAtlasFetch(options = {}) {
    const resolved = resolveOptions(options);
    const userAgent = userAgentString(resolved.userAgent);
    const transport = createTransport(resolved, new SecretRedactor(), userAgent);
    const prefix = new URL(resolved.baseUrl).pathname.replace(/\/$/, "");
    // After close() the transport rejects every call with AtlasClientClosedError.
    const atlasFetch = async (input, init) => {
        const request = new Request(input, init);
        const contentType = callerContentType(input, init);
        if (request.url !== resolved.baseUrl && !request.url.startsWith(`${resolved.baseUrl}/`)) {
            throw new AtlasConfigError("baseUrl", `the request for ${new URL(request.url).origin} is not under ${resolved.baseUrl}; credentials are only sent to baseUrl`);
        }
        request.headers.set("user-agent", userAgent);
        return transport.send(versioned(request, prefix, contentType));
    };
    return Object.assign(atlasFetch, { close: transport.close });
}
//# sourceMappingURL=atlas-fetch.js.map