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
export declare function waitSignals(call: CallContext | undefined, closing: AbortSignal | undefined): AbortSignal[];
/** Statuses that mean "busy, try again later": retried for idempotent calls, and for any call when the token endpoint answers them. */
export declare const RETRY_STATUSES: ReadonlySet<number>;
export declare const IDEMPOTENT_METHODS: ReadonlySet<string>;
/** `request` with its Authorization header set (see the contract above). */
export declare function authorized(request: Request, value: string): Request;
/**
 * `promise`, or a rejection with the first aborted signal's reason as soon as one aborts (the
 * caller's own signal, or the client's close()). The promise itself runs on: another call may
 * share it.
 */
export declare function abortable<T>(promise: Promise<T>, signals: readonly AbortSignal[]): Promise<T>;
/** Wait `ms`, or reject with a signal's reason as soon as one aborts. */
export declare function sleep(ms: number, signals?: readonly AbortSignal[]): Promise<void>;
//# sourceMappingURL=send.d.ts.map