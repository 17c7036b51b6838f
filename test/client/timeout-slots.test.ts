/** transport/timeouts.ts: exchanges share an AbortController and timer, and still each get at least timeoutMs. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Lifecycle } from "../../src/transport/lifecycle.js";
import { Timeouts, type Slot } from "../../src/transport/timeouts.js";

const joined: Array<[Timeouts, Slot]> = [];
function join(timeouts: Timeouts, caller?: AbortSignal): Slot {
  const slot = timeouts.join(caller);
  joined.push([timeouts, slot]);
  return slot;
}
afterEach(() => {
  vi.useRealTimers();
  for (const [timeouts, slot] of joined.splice(0)) while (slot.inFlight > 0) timeouts.leave(slot);
});

/** Milliseconds until `signal` aborts. */
function abortedAfter(signal: AbortSignal): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(performance.now() - start), { once: true }));
}

describe("timeout slots", () => {
  it("lets up to 8 exchanges in quick succession share one signal, then starts another", () => {
    const timeouts = new Timeouts(30_000);
    const slots = Array.from({ length: 9 }, () => join(timeouts));
    expect(new Set(slots.slice(0, 8).map((slot) => slot.signal)).size).toBe(1);
    expect(slots[8]!.signal).not.toBe(slots[0]!.signal);
  });

  it("keeps the process alive only while an exchange of the slot is in flight", () => {
    const timeouts = new Timeouts(30_000);
    const slot = join(timeouts);
    expect(slot.timer.hasRef()).toBe(true);
    timeouts.leave(slot);
    expect(slot.timer.hasRef()).toBe(false);
    expect(join(timeouts)).toBe(slot);
    expect(slot.timer.hasRef()).toBe(true);
  });

  it("never aborts an exchange before timeoutMs, also one that joined the slot late", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const timeoutMs = 64;
    const timeouts = new Timeouts(timeoutMs);
    const first = join(timeouts);
    vi.advanceTimersByTime(1);
    const late = join(timeouts);
    expect(late).toBe(first);
    vi.advanceTimersByTime(timeoutMs - 1); // the late one's timeoutMs is not over yet
    expect(late.signal.aborted).toBe(false);
    vi.advanceTimersByTime(timeoutMs / 32);
    expect(late.signal.aborted).toBe(true);
    expect(late.timedOut).toBe(true);
  });

  it("waits the longest timeoutMs the options allow (setTimeout's limit) without firing at once", async () => {
    const timeouts = new Timeouts(2_147_483_647);
    const slot = join(timeouts);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(slot.signal.aborted).toBe(false);
  });

  it("gives the next exchange a fresh slot once a slot timed out", async () => {
    const timeouts = new Timeouts(10);
    const slot = join(timeouts);
    await abortedAfter(slot.signal);
    const next = join(timeouts);
    expect(next).not.toBe(slot);
    expect(next.signal.aborted).toBe(false);
  });

  it("gives a call with its own signal a slot of its own, which that signal aborts", () => {
    const timeouts = new Timeouts(30_000);
    const shared = join(timeouts);
    const caller = new AbortController();
    const own = join(timeouts, caller.signal);
    expect(own).not.toBe(shared);
    expect(join(timeouts)).toBe(shared);
    const reason = new Error("caller gave up");
    caller.abort(reason);
    expect(own.signal.reason).toBe(reason);
    expect(own.timedOut).toBe(false);
    expect(shared.signal.aborted).toBe(false);
  });

  it("aborts every slot in flight at close()", () => {
    const lifecycle = new Lifecycle();
    const timeouts = new Timeouts(30_000, lifecycle);
    const shared = join(timeouts);
    const own = join(timeouts, new AbortController().signal);
    lifecycle.close();
    expect(shared.signal.aborted).toBe(true);
    expect(own.signal.aborted).toBe(true);
    expect(shared.timedOut).toBe(false);
  });
});
