const MAX_EXCHANGES_PER_SLOT = 8;
const WINDOW_FRACTION = 1 / 32;
/** setTimeout's largest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;
export class Slot {
    joinUntil;
    controller = new AbortController();
    timer;
    timedOut = false;
    inFlight = 0;
    exchanges = 0;
    /** Set for a call's own slot: takes the listener off the caller's signal. */
    release;
    constructor(
    /** performance.now() until which exchanges may join. */
    joinUntil, delayMs, onTimeout) {
        this.joinUntil = joinUntil;
        this.timer = setTimeout(onTimeout, delayMs, this);
    }
    get signal() {
        return this.controller.signal;
    }
}
export class Timeouts {
    #timeoutMs;
    #lifecycle;
    #current;
    constructor(timeoutMs, lifecycle) {
        this.#timeoutMs = timeoutMs;
        this.#lifecycle = lifecycle;
    }
    /** The slot an exchange is sent with; hand it to leave() when the exchange ends. */
    join(caller) {
        let slot;
        if (caller) {
            slot = this.#open(-Infinity, 0);
            const abort = () => slot.controller.abort(caller.reason);
            caller.addEventListener("abort", abort);
            slot.release = () => caller.removeEventListener("abort", abort);
        }
        else {
            const now = performance.now();
            const current = this.#current;
            if (current && current.exchanges < MAX_EXCHANGES_PER_SLOT && now <= current.joinUntil && !current.signal.aborted) {
                slot = current;
            }
            else {
                if (current?.inFlight === 0)
                    this.#retire(current);
                // The slot's timer waits timeoutMs + window, which setTimeout must be able to wait.
                const window = Math.min(this.#timeoutMs * WINDOW_FRACTION, MAX_TIMER_MS - this.#timeoutMs);
                slot = this.#current = this.#open(now + window, window);
            }
        }
        slot.exchanges++;
        if (slot.inFlight++ === 0)
            slot.timer.ref();
        return slot;
    }
    leave(slot) {
        if (--slot.inFlight > 0)
            return;
        if (slot === this.#current)
            slot.timer.unref(); // idle, but later exchanges may still join it
        else
            this.#retire(slot);
    }
    #open(joinUntil, window) {
        const slot = new Slot(joinUntil, this.#timeoutMs + window, (expired) => {
            expired.timedOut = true;
            expired.controller.abort();
            this.#retire(expired);
        });
        this.#lifecycle?.track(slot.controller);
        return slot;
    }
    #retire(slot) {
        clearTimeout(slot.timer);
        slot.release?.();
        this.#lifecycle?.untrack(slot.controller);
        if (this.#current === slot)
            this.#current = undefined;
    }
}
//# sourceMappingURL=timeouts.js.map