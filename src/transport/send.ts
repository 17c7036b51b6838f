/**
 * The transport is a stack of `Send` functions under openapi-fetch (passed as its `fetch`), because
 * retries, digest challenges and token refreshes must send a request more than once, which
 * openapi-fetch's own middleware (one onRequest, one fetch, one onResponse) cannot do.
 *
 * Contract: a layer that may send a request more than once sends `request.clone()` each time and
 * leaves the original unconsumed, so bodies replay intact.
 */
export type Send = (request: Request) => Promise<Response>;

export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** A copy of `request` with one header replaced; the original stays unconsumed. */
export function withHeader(request: Request, name: string, value: string): Request {
  const copy = request.clone();
  copy.headers.set(name, value);
  return copy;
}

/** Wait `ms`, or reject with the signal's reason as soon as the caller aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
