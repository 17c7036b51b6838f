/**
 * The bottom of the transport: one HTTP exchange, start to last body byte, within `timeoutMs`.
 *
 * The body is read here, inside the timer, so a server that sends headers and then stalls still
 * times out; the buffered response is what the layers above and openapi-fetch read.
 * Failures become AtlasTimeoutError / AtlasNetworkError with a sanitized cause (the platform's
 * error may reference the request; only its name, code and redacted message are kept).
 */
import { AtlasClientClosedError, AtlasNetworkError, AtlasTimeoutError, summarize } from "../errors.js";
import type { SecretRedactor } from "../redact.js";
import type { Send } from "./send.js";

export interface ExchangeOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  redactor: SecretRedactor;
  /** The client's close() signal: aborts the exchange with AtlasClientClosedError. */
  closing?: AbortSignal;
}

/** The first error code found along a cause chain (undici puts ECONNRESET on the cause). */
function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** A plain Error carrying what the platform said, minus anything secret, and no object references. */
function sanitizedCause(error: unknown, redactor: SecretRedactor): Error {
  const messages: string[] = [];
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    messages.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    if (typeof e !== "object") break;
  }
  const cause = new Error(redactor.redact(messages.join(" <- ")));
  const code = errorCode(error);
  if (code) Object.assign(cause, { code });
  return cause;
}

/** Statuses whose Response must have a null body (the Response constructor throws otherwise). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

async function buffered(response: Response): Promise<Response> {
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // Keep the final URL for callers that inspect `response.url` (a constructed Response has none).
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}

export function createExchange({ fetch, timeoutMs, redactor, closing }: ExchangeOptions): Send {
  return async (request) => {
    if (closing?.aborted) throw new AtlasClientClosedError();
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signal = AbortSignal.any(closing ? [request.signal, timer.signal, closing] : [request.signal, timer.signal]);
    try {
      // Redirects are the redirect layer's (transport/redirects.ts): fetch would follow them anywhere.
      return await buffered(await fetch(request, { signal, redirect: "manual" }));
    } catch (error) {
      // The caller's own abort is theirs to handle: pass its reason through untouched.
      if (request.signal.aborted) throw request.signal.reason;
      if (closing?.aborted) throw new AtlasClientClosedError();
      if (timer.signal.aborted) throw new AtlasTimeoutError(summarize(request), timeoutMs);
      throw new AtlasNetworkError(summarize(request), errorCode(error), sanitizedCause(error, redactor));
    } finally {
      clearTimeout(timeout);
    }
  };
}
