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
export const MAX_REDIRECTS = 5;
const METHOD_KEEPING_STATUSES = new Set([307, 308]);
/** Why a redirect from `request` to `target` is not followed, or undefined when it is. */
function refusal(request, status, target, origin, hops) {
    if (!target)
        return "the Location header is not a URL";
    if (target.origin !== origin) {
        return origin.startsWith("https:") && target.protocol === "http:"
            ? "a redirect from https to http is never followed"
            : `another origin; redirects are followed only within ${origin}`;
    }
    const safeMethod = request.method === "GET" || request.method === "HEAD";
    if (!safeMethod && !METHOD_KEEPING_STATUSES.has(status))
        return `a ${request.method} is not turned into a GET; only 307 and 308 are followed for it`;
    if (hops >= MAX_REDIRECTS)
        return `more than ${MAX_REDIRECTS} redirects`;
    return undefined;
}
function locationOf(response, base) {
    try {
        return new URL(response.headers.get("location"), base);
    }
    catch {
        return undefined;
    }
}
/** The request for the hop `redirect` asks for (same method, headers, body and signal, new URL), or why it is refused. */
export async function nextHop(request, redirect, origin, hops) {
    const target = locationOf(redirect, request.url);
    const problem = refusal(request, redirect.status, target, origin, hops);
    if (problem)
        return { problem, origin: target?.origin ?? "(invalid Location)" };
    const body = request.body === null ? null : await request.clone().arrayBuffer();
    return new Request(target, { method: request.method, headers: request.headers, body, signal: request.signal, redirect: "manual" });
}
//# sourceMappingURL=redirect-rules.js.map