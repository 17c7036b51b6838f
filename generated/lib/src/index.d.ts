/** Package entry point: the typed Atlas Administration API client and the types it is built on. */
export { createAtlasClient, type AtlasClient } from "./client.js";
export { createAtlasFetch, mediaTypesForRequest, type AtlasFetch } from "./atlas-fetch.js";
export type { AccessTokenAuth, ApiKeyAuth, AtlasAuth, AtlasClientOptions, RetryOptions, ServiceAccountAuth, } from "./options.js";
export { AtlasAuthError, AtlasClientClosedError, AtlasConfigError, AtlasError, AtlasInvalidResponseError, AtlasNetworkError, AtlasOriginError, AtlasPathParameterError, AtlasRedirectError, AtlasTimeoutError, type RequestSummary, } from "./errors.js";
export { UNEXPECTED_RESPONSE, type ApiError } from "./middleware/api-error.js";
export { operationMediaTypes, type OperationId } from "../generated/media-types.js";
export type { components, operations, paths } from "../generated/atlas.js";
//# sourceMappingURL=index.d.ts.map