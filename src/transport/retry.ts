/**
 * Retries of idempotent requests (GET, PUT, DELETE, HEAD, OPTIONS) on 429, 502, 503, 504, a network
 * failure or a timeout, with exponential backoff and full jitter; a Retry-After header (seconds or
 * HTTP-date) replaces the backoff, capped by maxDelayMs. POST and PATCH go through exactly once:
 * Atlas could have acted on a request whose answer was lost, and creating a project twice is worse
 * than reporting a failure.
 */
import { AtlasNetworkError, AtlasTimeoutError } from "../errors.js";
import type { RetryOptions } from "../options.js";
import { IDEMPOTENT_METHODS, sleep as defaultSleep, type Send } from "./send.js";

export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetryHooks {
  /** Injected by unit tests to observe the chosen delays without waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** Milliseconds a Retry-After header asks for, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a uniform draw in [0, min(maxDelayMs, baseDelayMs * 2^(attempt-1))]. */
export function backoffDelay(attempt: number, { baseDelayMs, maxDelayMs }: Required<RetryOptions>, random: () => number): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

function isRetryableFailure(error: unknown): error is AtlasNetworkError | AtlasTimeoutError {
  return error instanceof AtlasNetworkError || error instanceof AtlasTimeoutError;
}

export function withRetries(next: Send, options: Required<RetryOptions>, hooks: RetryHooks = {}): Send {
  const { sleep = defaultSleep, random = Math.random, now = Date.now } = hooks;
  return async (request) => {
    if (!IDEMPOTENT_METHODS.has(request.method) || options.maxAttempts === 1) return next(request);
    for (let attempt = 1; ; attempt++) {
      const last = attempt === options.maxAttempts;
      let delay: number;
      try {
        const response = await next(request.clone());
        if (last || !RETRY_STATUSES.has(response.status)) return response;
        const asked = parseRetryAfter(response.headers.get("retry-after"), now());
        delay = asked === undefined ? backoffDelay(attempt, options, random) : Math.min(asked, options.maxDelayMs);
      } catch (error) {
        if (!isRetryableFailure(error)) throw error;
        error.attempts = attempt;
        if (last) throw error;
        delay = backoffDelay(attempt, options, random);
      }
      await sleep(delay, request.signal);
    }
  };
}
