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

const MAX_EXCHANGES_PER_SLOT = 8;
const WINDOW_FRACTION = 1 / 32;
/** setTimeout's largest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2_147_483_647;

export class Slot {
  readonly controller = new AbortController();
  readonly timer: ReturnType<typeof setTimeout>;
  timedOut = false;
  inFlight = 0;
  exchanges = 0;
  /** Set for a call's own slot: takes the listener off the caller's signal. */
  release: (() => void) | undefined;

  constructor(
    /** performance.now() until which exchanges may join. */
    readonly joinUntil: number,
    delayMs: number,
    onTimeout: (slot: Slot) => void,
  ) {
    this.timer = setTimeout(onTimeout, delayMs, this);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }
}

export class Timeouts {
  readonly #timeoutMs: number;
  readonly #lifecycle: Lifecycle | undefined;
  #current: Slot | undefined;

  constructor(timeoutMs: number, lifecycle?: Lifecycle) {
    this.#timeoutMs = timeoutMs;
    this.#lifecycle = lifecycle;
  }

  /** The slot an exchange is sent with; hand it to leave() when the exchange ends. */
  join(caller?: AbortSignal): Slot {
    let slot: Slot;
    if (caller) {
      slot = this.#open(-Infinity, 0);
      const abort = () => slot.controller.abort(caller.reason);
      caller.addEventListener("abort", abort);
      slot.release = () => caller.removeEventListener("abort", abort);
    } else {
      const now = performance.now();
      const current = this.#current;
      if (current && current.exchanges < MAX_EXCHANGES_PER_SLOT && now <= current.joinUntil && !current.signal.aborted) {
        slot = current;
      } else {
        if (current?.inFlight === 0) this.#retire(current);
        // The slot's timer waits timeoutMs + window, which setTimeout must be able to wait.
        const window = Math.min(this.#timeoutMs * WINDOW_FRACTION, MAX_TIMER_MS - this.#timeoutMs);
        slot = this.#current = this.#open(now + window, window);
      }
    }
    slot.exchanges++;
    if (slot.inFlight++ === 0) slot.timer.ref();
    return slot;
  }

  leave(slot: Slot): void {
    if (--slot.inFlight > 0) return;
    if (slot === this.#current) slot.timer.unref(); // idle, but later exchanges may still join it
    else this.#retire(slot);
  }

  #open(joinUntil: number, window: number): Slot {
    const slot = new Slot(joinUntil, this.#timeoutMs + window, (expired) => {
      expired.timedOut = true;
      expired.controller.abort();
      this.#retire(expired);
    });
    this.#lifecycle?.track(slot.controller);
    return slot;
  }

  #retire(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.release?.();
    this.#lifecycle?.untrack(slot.controller);
    if (this.#current === slot) this.#current = undefined;
  }
}
