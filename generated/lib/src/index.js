/** Package entry point: the typed Atlas Administration API client and the types it is built on. */
export { createAtlasClient } from "./client.js";
export { createAtlasFetch, mediaTypesForRequest } from "./atlas-fetch.js";
export { AtlasAuthError, AtlasClientClosedError, AtlasConfigError, AtlasError, AtlasInvalidResponseError, AtlasNetworkError, AtlasOriginError, AtlasPathParameterError, AtlasRedirectError, AtlasTimeoutError, } from "./errors.js";
export { UNEXPECTED_RESPONSE } from "./middleware/api-error.js";
export { operationMediaTypes } from "../generated/media-types.js";
//# sourceMappingURL=index.js.map