import type { RetryOptions } from "../options.js";
import { type Send } from "./send.js";
export interface RetryHooks {
    /** Injected by unit tests to observe the chosen delays without waiting. */
    sleep?: (ms: number, signals: readonly AbortSignal[]) => Promise<void>;
    random?: () => number;
    now?: () => number;
    /** The client's close() signal: a wait for the next attempt ends when it aborts. */
    closing?: AbortSignal;
}
/**
 * Milliseconds a Retry-After header asks for, or undefined when absent or unreadable. Only the two
 * forms of RFC 9110 section 10.2.3 are read, delta-seconds and IMF-fixdate: Date.parse alone would
 * read "-5" or "1.5" as dates in 2001 and retry at once.
 */
export declare function parseRetryAfter(value: string | null | undefined, now: number): number | undefined;
/** Full jitter: a uniform draw in [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]. */
export declare function backoffDelay(attempt: number, { baseDelayMs, maxDelayMs }: Required<RetryOptions>, random: () => number): number;
export declare function withRetries(next: Send, options: Required<RetryOptions>, hooks?: RetryHooks): Send;
//# sourceMappingURL=retry.d.ts.map