/**
 * Atlas selects the API version by media type: every request must Accept the operation's
 * versioned type (application/vnd.atlas.YYYY-MM-DD+json) and a request body must be sent with the
 * same versioned Content-Type. The types come from generated/media-types.js (read from the
 * document by `npm run generate`), matched by method and path template.
 *
 * A caller's own Accept or Content-Type (the call's `headers` option) wins, with one exception:
 * a Content-Type of exactly "application/json" is what openapi-fetch puts on every JSON body, so it
 * cannot be told apart from the default and is replaced by the versioned type.
 */
import { operationMediaTypes } from "../../generated/media-types.js";
const OPENAPI_FETCH_DEFAULT_CONTENT_TYPE = "application/json";
/** Method, then path template: two lookups without building a key string on every call. */
const byRoute = new Map();
for (const op of Object.values(operationMediaTypes)) {
    let byPath = byRoute.get(op.method);
    if (!byPath)
        byRoute.set(op.method, (byPath = new Map()));
    byPath.set(op.path, op);
}
/** The versioned media types of the operation at `method` + `schemaPath`, if it is one of ours. */
export function mediaTypesFor(method, schemaPath) {
    return (byRoute.get(method) ?? byRoute.get(method.toUpperCase()))?.get(schemaPath);
}
/** Sets the operation's versioned Accept and Content-Type on `request`, unless the caller chose their own. */
export function applyMediaTypes(request, types) {
    if (!types)
        return;
    if (!request.headers.has("accept"))
        request.headers.set("accept", types.accept);
    if (!types.contentType || request.body === null)
        return;
    const contentType = request.headers.get("content-type");
    if (contentType === null || contentType === OPENAPI_FETCH_DEFAULT_CONTENT_TYPE)
        request.headers.set("content-type", types.contentType);
}
//# sourceMappingURL=versioning.js.map