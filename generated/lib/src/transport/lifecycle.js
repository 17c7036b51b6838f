/**
 * The client's open/closed state, shared by every transport layer. close() aborts the exchanges in
 * flight (each registers its AbortController here: a Set is cheaper per call than linking signals)
 * and `signal`, so waits (for a retry, a token, a digest challenge) end at once; nothing new starts
 * after it, so no token can be fetched after close(). All of them end with AtlasClientClosedError.
 */
import { setMaxListeners } from "node:events";
import { AtlasClientClosedError } from "../errors.js";
export class Lifecycle {
    #controller = new AbortController();
    #inFlight = new Set();
    constructor() {
        // Every call waiting for a shared token request listens here; that is not a leak.
        setMaxListeners(0, this.#controller.signal);
    }
    /** Aborted by close(); for waits. */
    get signal() {
        return this.#controller.signal;
    }
    get closed() {
        return this.#controller.signal.aborted;
    }
    /** Registers an exchange's controller so close() can abort it; call untrack() when it ends. */
    track(exchange) {
        this.#inFlight.add(exchange);
    }
    untrack(exchange) {
        this.#inFlight.delete(exchange);
    }
    close() {
        if (this.closed)
            return;
        const reason = new AtlasClientClosedError();
        this.#controller.abort(reason);
        for (const exchange of this.#inFlight)
            exchange.abort(reason);
        this.#inFlight.clear();
    }
}
//# sourceMappingURL=lifecycle.js.map