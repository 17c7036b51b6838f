/**
 * The signal each exchange is sent with, which aborts it after timeoutMs, at close(), or at the
 * caller's own abort.
 *
 * Exchanges share an AbortController and its timer (a "slot"): an AbortSignal and a timer per
 * exchange were the largest part of the client's own per-call work in the profile (bench/PROFILE.md).
 * An exchange joins the current slot while the slot is younger than timeoutMs/32 and has had fewer
 * than 8 exchanges; the slot's timer fires timeoutMs after its joining window closed and aborts the
 * exchanges still in flight with it. So every exchange gets at least timeoutMs and at most
 * timeoutMs + timeoutMs/32. The timer keeps the process alive only while one of its exchanges is in
 * flight. A call with its own signal gets a slot of its own, which that signal aborts too.
 *
 * Why only 8: fetch adds an abort listener to the signal for each Request sent with it, takes it
 * off only when that Request is garbage-collected, and counts the listeners on every send. 4, 8 and
 * 16 measured alike; 1 (a controller per exchange) cost about 5 µs more per call.
 */
import type { Lifecycle } from "./lifecycle.js";
export declare class Slot {
    /** performance.now() until which exchanges may join. */
    readonly joinUntil: number;
    readonly controller: AbortController;
    readonly timer: ReturnType<typeof setTimeout>;
    timedOut: boolean;
    inFlight: number;
    exchanges: number;
    /** Set for a call's own slot: takes the listener off the caller's signal. */
    release: (() => void) | undefined;
    constructor(
    /** performance.now() until which exchanges may join. */
    joinUntil: number, delayMs: number, onTimeout: (slot: Slot) => void);
    get signal(): AbortSignal;
}
export declare class Timeouts {
    #private;
    constructor(timeoutMs: number, lifecycle?: Lifecycle);
    /** The slot an exchange is sent with; hand it to leave() when the exchange ends. */
    join(caller?: AbortSignal): Slot;
    leave(slot: Slot): void;
}
//# sourceMappingURL=timeouts.d.ts.map