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

/**
 * `promise`, or a rejection with the first aborted signal's reason as soon as one aborts (the
 * caller's own signal, or the client's close()). The promise itself runs on: another call may
 * share it.
 */
export function abortable<T>(promise: Promise<T>, signals: readonly AbortSignal[]): Promise<T> {
  const aborted = signals.find((signal) => signal.aborted);
  if (aborted) return Promise.reject(aborted.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (event: Event) => {
      cleanup();
      reject((event.target as AbortSignal).reason);
    };
    const cleanup = () => signals.forEach((signal) => signal.removeEventListener("abort", onAbort));
    signals.forEach((signal) => signal.addEventListener("abort", onAbort, { once: true }));
    promise.then(
      (value) => (cleanup(), resolve(value)),
      (error: unknown) => (cleanup(), reject(error)),
    );
  });
}

/** Wait `ms`, or reject with a signal's reason as soon as one aborts. */
export function sleep(ms: number, signals: readonly AbortSignal[] = []): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return abortable(waited, signals).finally(() => clearTimeout(timer));
}
