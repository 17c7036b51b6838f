import { type AtlasClientOptions } from "./options.js";
/** A fetch that authenticates and versions Atlas requests; close() revokes a service account's token. */
export type AtlasFetch = typeof fetch & {
    close(): Promise<void>;
};
/** The versioned media types of the operation a request is for, found by method and path. */
export declare function mediaTypesForRequest(method: string, pathname: string): {
    accept: string;
    contentType?: string;
} | undefined;
export declare function createAtlasFetch(options?: AtlasClientOptions): AtlasFetch;
//# sourceMappingURL=atlas-fetch.d.ts.map