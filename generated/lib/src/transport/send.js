/** The signals a wait of this call ends on: the caller's, if any, and the client's close(). */
export function waitSignals(call, closing) {
    const signals = [];
    if (call?.signal)
        signals.push(call.signal);
    if (closing)
        signals.push(closing);
    return signals;
}
/** Statuses that mean "busy, try again later": retried for idempotent calls, and for any call when the token endpoint answers them. */
export const RETRY_STATUSES = new Set([429, 502, 503, 504]);
export const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
/** `request` with its Authorization header set (see the contract above). */
export function authorized(request, value) {
    request.headers.set("authorization", value);
    return request;
}
/**
 * `promise`, or a rejection with the first aborted signal's reason as soon as one aborts (the
 * caller's own signal, or the client's close()). The promise itself runs on: another call may
 * share it.
 */
export function abortable(promise, signals) {
    const aborted = signals.find((signal) => signal.aborted);
    if (aborted)
        return Promise.reject(aborted.reason);
    return new Promise((resolve, reject) => {
        const onAbort = (event) => {
            cleanup();
            reject(event.target.reason);
        };
        const cleanup = () => signals.forEach((signal) => signal.removeEventListener("abort", onAbort));
        signals.forEach((signal) => signal.addEventListener("abort", onAbort, { once: true }));
        promise.then((value) => (cleanup(), resolve(value)), (error) => (cleanup(), reject(error)));
    });
}
/** Wait `ms`, or reject with a signal's reason as soon as one aborts. */
export function sleep(ms, signals = []) {
    let timer;
    const waited = new Promise((resolve) => (timer = setTimeout(resolve, ms)));
    return abortable(waited, signals).finally(() => clearTimeout(timer));
}
//# sourceMappingURL=send.js.map