/**
 * What the redirect layer (redirects.ts) does once a redirect arrived, loaded on demand: Atlas
 * hardly ever redirects, so these rules stay out of the package entry.
 *
 * Rules: only within the configured origin (so never from https to http), at most 5 in a row;
 * GET and HEAD follow 301, 302, 303, 307 and 308; other methods follow only 307 and 308, with
 * method and body kept (fetch would turn a POST answered 301/302/303 into a GET). Anything else
 * is refused: redirects.ts rejects with AtlasRedirectError naming the target origin, never its path
 * or query string.
 * Each hop goes down through authentication again, so the redirected request is signed (digest)
 * or carries the token (bearer, service account) for its own URL, and only on the same origin.
 */
export declare const MAX_REDIRECTS = 5;
/** A redirect that is not followed: why, and the origin it pointed to. */
export interface Refusal {
    problem: string;
    origin: string;
}
/** The request for the hop `redirect` asks for (same method, headers, body and signal, new URL), or why it is refused. */
export declare function nextHop(request: Request, redirect: Response, origin: string, hops: number): Promise<Request | Refusal>;
//# sourceMappingURL=redirect-rules.d.ts.map