/**
 * The client's open/closed state, shared by every transport layer. close() aborts `signal` with an
 * AtlasClientClosedError: exchanges in flight are aborted, waits (for a retry, a token, a digest
 * challenge) end at once, and nothing new starts, so no token can be fetched after close().
 */
import { AtlasClientClosedError } from "../errors.js";

export class Lifecycle {
  readonly #controller = new AbortController();

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get closed(): boolean {
    return this.#controller.signal.aborted;
  }

  close(): void {
    if (!this.closed) this.#controller.abort(new AtlasClientClosedError());
  }

  /** Throws AtlasClientClosedError once close() was called. */
  assertOpen(): void {
    if (this.closed) throw new AtlasClientClosedError();
  }
}
