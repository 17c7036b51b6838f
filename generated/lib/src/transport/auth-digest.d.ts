import type { ApiKeyAuth } from "../options.js";
import type { SecretRedactor } from "../redact.js";
import type { Lifecycle } from "./lifecycle.js";
import { type Send } from "./send.js";
export interface DigestOptions extends ApiKeyAuth {
    redactor: SecretRedactor;
    lifecycle: Lifecycle;
}
export declare function withDigestAuth(next: Send, { publicKey, privateKey, redactor, lifecycle }: DigestOptions): Send;
//# sourceMappingURL=auth-digest.d.ts.map