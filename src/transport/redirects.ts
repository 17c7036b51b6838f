/**
 * Redirects, followed by the client rather than by fetch (the exchange uses redirect: "manual"),
 * because fetch follows them to any origin and hands back another host's answer as if Atlas gave it.
 *
 * Rules: only within the configured origin (so never from https to http), at most 5 in a row;
 * GET and HEAD follow 301, 302, 303, 307 and 308; other methods follow only 307 and 308, with
 * method and body kept (fetch would turn a POST answered 301/302/303 into a GET). Anything else
 * rejects with AtlasRedirectError naming the target origin, never its path or query string.
 * Each hop goes down through authentication again, so the redirected request is signed (digest)
 * or carries the token (bearer, service account) for its own URL, and only on the same origin.
 */
import { AtlasRedirectError, summarize } from "../errors.js";
import type { Send } from "./send.js";

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const METHOD_KEEPING_STATUSES: ReadonlySet<number> = new Set([307, 308]);

/** Why a redirect from `request` to `target` is not followed, or undefined when it is. */
function refusal(request: Request, status: number, target: URL | undefined, origin: string, hops: number): string | undefined {
  if (!target) return "the Location header is not a URL";
  if (target.origin !== origin) {
    return origin.startsWith("https:") && target.protocol === "http:"
      ? "a redirect from https to http is never followed"
      : `another origin; redirects are followed only within ${origin}`;
  }
  const safeMethod = request.method === "GET" || request.method === "HEAD";
  if (!safeMethod && !METHOD_KEEPING_STATUSES.has(status)) return `a ${request.method} is not turned into a GET; only 307 and 308 are followed for it`;
  if (hops >= MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects`;
  return undefined;
}

function locationOf(response: Response, base: string): URL | undefined {
  try {
    return new URL(response.headers.get("location")!, base);
  } catch {
    return undefined;
  }
}

/** The request for the next hop: same method, headers, body and signal, new URL. */
async function nextHop(request: Request, target: URL): Promise<Request> {
  const body = request.body === null ? null : await request.clone().arrayBuffer();
  return new Request(target, { method: request.method, headers: request.headers, body, signal: request.signal, redirect: "manual" });
}

export function withRedirects(next: Send, origin: string): Send {
  return async (request, call) => {
    let current = request;
    for (let hops = 0; ; hops++) {
      const response = await next(current, call);
      if (!REDIRECT_STATUSES.has(response.status) || !response.headers.has("location")) return response;
      const target = locationOf(response, current.url);
      const problem = refusal(current, response.status, target, origin, hops);
      if (problem) throw new AtlasRedirectError(summarize(current), response.status, target?.origin ?? "(invalid Location)", problem);
      current = await nextHop(current, target!);
    }
  };
}
