import type { ServiceAccountAuth } from "../options.js";
import type { SecretRedactor } from "../redact.js";
import type { Lifecycle } from "./lifecycle.js";
import { type Send } from "./send.js";
export interface ServiceAccountOptions extends ServiceAccountAuth {
    baseUrl: string;
    /** The exchange (timeout, network errors) token and revocation requests go through. */
    exchange: Send;
    redactor: SecretRedactor;
    userAgent: string;
    /** The client's open/closed state; without one the tokens only close through revoke(). */
    lifecycle?: Lifecycle;
}
/** Shortest lifetime a token is shared for, whatever expires_in says. */
export declare const MIN_TOKEN_LIFETIME_MS = 30000;
/**
 * HTTP Basic client authentication as Atlas's own SDK (Go, golang.org/x/oauth2) sends it: each
 * part query-escaped, which leaves Atlas's "mdb_sa_id_..." / "mdb_sa_sk_..." characters as they are,
 * exactly like the documented `curl --user id:secret`. oauth4webapi's ClientSecretBasic escapes
 * "_", "-" and "." too (panva/oauth4webapi#148, #199), which a server that does not form-decode
 * Basic credentials rejects; the rest of the exchange stays oauth4webapi's.
 */
export declare function basicCredentials(clientId: string, clientSecret: string): string;
export declare class ServiceAccountTokens {
    #private;
    constructor({ baseUrl, clientId, clientSecret, exchange, redactor, userAgent, lifecycle }: ServiceAccountOptions);
    /** The cached token while it is fresh (the common case, without a promise). */
    cached(): string | undefined;
    /** A valid token, from the cache or from one shared token request; never after close(). */
    get(): Promise<string>;
    /** After a 401 with `rejected`: a new token, unless another request already replaced it. */
    renew(rejected: string): Promise<string>;
    revoke(): Promise<void>;
}
/**
 * Sends each request with the current bearer token; on 401, renews the token and re-sends once.
 * A wait for a token request ends at the caller's abort or the client's close(), whichever is first.
 */
export declare function withServiceAccountAuth(next: Send, tokens: ServiceAccountTokens, lifecycle: Lifecycle): Send;
//# sourceMappingURL=auth-service-account.d.ts.map