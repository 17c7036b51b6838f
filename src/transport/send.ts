/**
 * The transport is a stack of `Send` functions under openapi-fetch (passed as its `fetch`), because
 * retries, digest challenges and token refreshes must send a request more than once, which
 * openapi-fetch's own middleware (one onRequest, one fetch, one onResponse) cannot do.
 *
 * Contract: the exchange at the bottom never consumes the Request it is given (it sends a clone
 * when there is a body), so a layer may send the same Request more than once and bodies replay
 * intact. The Request is the transport's own (openapi-fetch builds one per call): authentication
 * sets its Authorization header on it before each send, and the client removes the header again
 * when the call is done, so middleware never sees a credential.
 */
export type Send = (request: Request, call?: CallContext) => Promise<Response>;

/**
 * What the transport knows about the call a request belongs to, beyond the Request: the caller's
 * own abort signal, when there is one. (The Request's signal follows it too, but listening to a
 * signal costs more than the call's other work; a call without one listens to nothing.)
 */
export interface CallContext {
  signal?: AbortSignal | undefined;
}

/** The signals a wait of this call ends on: the caller's, if any, and the client's close(). */
export function waitSignals(call: CallContext | undefined, closing: AbortSignal | undefined): AbortSignal[] {
  const signals: AbortSignal[] = [];
  if (call?.signal) signals.push(call.signal);
  if (closing) signals.push(closing);
  return signals;
}

/** Statuses that mean "busy, try again later": retried for idempotent calls, and for any call when the token endpoint answers them. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** `request` with its Authorization header set (see the contract above). */
export function authorized(request: Request, value: string): Request {
  request.headers.set("authorization", value);
  return request;
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
