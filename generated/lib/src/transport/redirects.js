/**
 * Redirects, followed by the client rather than by fetch (the exchange uses redirect: "manual"),
 * because fetch follows them to any origin and hands back another host's answer as if Atlas gave it.
 * The rules (same origin only, never https to http, at most 5, no POST turned into a GET) are in
 * redirect-rules.ts, loaded with the first redirect: Atlas hardly ever redirects.
 */
import { AtlasRedirectError, summarize } from "../errors.js";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
export function withRedirects(next, origin) {
    return async (request, call) => {
        let current = request;
        for (let hops = 0;; hops++) {
            const response = await next(current, call);
            if (!REDIRECT_STATUSES.has(response.status) || !response.headers.has("location"))
                return response;
            const hop = await (await import("./redirect-rules.js")).nextHop(current, response, origin, hops);
            if (!(hop instanceof Request))
                throw new AtlasRedirectError(summarize(current), response.status, hop.origin, hop.problem);
            current = hop;
        }
    };
}
//# sourceMappingURL=redirects.js.map