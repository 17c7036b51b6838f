/** A Service Account's client credentials (OAuth 2.0 client credentials grant). */
export interface ServiceAccountAuth {
    clientId: string;
    clientSecret: string;
}
/** A programmatic API key (HTTP digest authentication). */
export interface ApiKeyAuth {
    publicKey: string;
    privateKey: string;
}
/** A bearer access token obtained elsewhere; the client neither refreshes nor revokes it. */
export interface AccessTokenAuth {
    accessToken: string;
}
export type AtlasAuth = ServiceAccountAuth | ApiKeyAuth | AccessTokenAuth;
export interface RetryOptions {
    /** Attempts in total, including the first. Default 3; 1 disables retries. */
    maxAttempts?: number;
    /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. Default 250. */
    baseDelayMs?: number;
    /** Upper bound of any wait, including a server's Retry-After. Default 20000. */
    maxDelayMs?: number;
}
export interface AtlasClientOptions {
    /** Default "https://cloud.mongodb.com". */
    baseUrl?: string;
    auth?: AtlasAuth;
    retry?: RetryOptions;
    /**
     * Limit for each HTTP exchange (each attempt, token request and digest round trip), from sending the
     * request to the last body byte. Default 30000. Exchanges share timers, so one is aborted between
     * timeoutMs and timeoutMs + timeoutMs/32 after it started.
     */
    timeoutMs?: number;
    /** Appended to the package's own User-Agent. */
    userAgent?: string;
    /** The fetch implementation to send requests with. Default globalThis.fetch. */
    fetch?: typeof fetch;
    /**
     * Host names (exactly as in baseUrl, e.g. "atlas-mock" for a CI service container running the mock)
     * that may be reached over plain http: with auth set. Credentials then cross that network in clear
     * text: name test hosts only. Loopback hosts need no entry. Default none.
     */
    insecureHttpHosts?: string[];
}
export type ResolvedAuth = ({
    kind: "serviceAccount";
} & ServiceAccountAuth) | ({
    kind: "apiKey";
} & ApiKeyAuth) | ({
    kind: "accessToken";
} & AccessTokenAuth) | {
    kind: "none";
};
export interface ResolvedOptions {
    /** Origin plus optional path prefix, without a trailing slash. */
    baseUrl: string;
    auth: ResolvedAuth;
    retry: Required<RetryOptions>;
    timeoutMs: number;
    userAgent: string | undefined;
    fetch: typeof fetch;
}
export declare const DEFAULT_BASE_URL = "https://cloud.mongodb.com";
export declare const DEFAULT_RETRY: Required<RetryOptions>;
export declare const DEFAULT_TIMEOUT_MS = 30000;
export declare function resolveOptions(options?: unknown): ResolvedOptions;
//# sourceMappingURL=options.d.ts.map