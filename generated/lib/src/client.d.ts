/**
 * createAtlasClient: an openapi-fetch client over the generated `paths`, with Atlas's requirements
 * wired in. Two layers:
 *  - every method (GET, POST, ..., request) goes through one wrapper (`guarded`): required path
 *    parameters, no per-call fetch, JSON parsing into `data`, every rejection an AtlasError; it hands
 *    the call's context (caller's signal, the operation's versioned media types) to the transport;
 *  - the transport, passed to openapi-fetch as `fetch`, which may send a request several times:
 *    origin guard, headers and close() > retries > same-origin redirects > authentication > one
 *    timed exchange (src/transport/); then ApiError-shaped, redacted errors (src/middleware/api-error.ts).
 *    Service-account and API-key authentication are loaded on demand (transport/lazy-auth.ts).
 * No openapi-fetch middleware is used: openapi-fetch's middleware loop (an id and awaits per call)
 * showed in the profile (bench/RESULTS.md); a caller's own middleware still works.
 */
import { type Client } from "openapi-fetch";
import type { paths } from "../generated/atlas.js";
import { type VersionedMediaTypes } from "./middleware/versioning.js";
import { type AtlasClientOptions, type ResolvedOptions } from "./options.js";
import { SecretRedactor } from "./redact.js";
import type { CallContext } from "./transport/send.js";
export type AtlasClient = Client<paths> & {
    /**
     * Revokes a service account's token (other auth modes hold nothing to release) and makes every
     * call still in flight, and every later call, reject with AtlasClientClosedError. No token request
     * starts after close(). Safe to call more than once.
     */
    close(): Promise<void>;
};
/** What a call tells the transport beyond its Request. */
interface AtlasCall extends CallContext {
    mediaTypes?: VersionedMediaTypes | undefined;
}
export interface Transport {
    send: (request: Request, call?: AtlasCall) => Promise<Response>;
    close(): Promise<void>;
}
export declare function createTransport(options: ResolvedOptions, redactor: SecretRedactor, userAgent: string): Transport;
export declare function createAtlasClient(options?: AtlasClientOptions): AtlasClient;
export {};
//# sourceMappingURL=client.d.ts.map