import type { SecretRedactor } from "../redact.js";
import type { Lifecycle } from "./lifecycle.js";
import type { Send } from "./send.js";
export interface ExchangeOptions {
    fetch: typeof fetch;
    timeoutMs: number;
    redactor: SecretRedactor;
    /** The client's state: close() aborts the exchange with AtlasClientClosedError. */
    lifecycle?: Lifecycle;
}
export declare function createExchange({ fetch, timeoutMs, redactor, lifecycle }: ExchangeOptions): Send;
//# sourceMappingURL=exchange.d.ts.map