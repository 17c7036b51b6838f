/** A bearer token obtained elsewhere: sent as it is, never refreshed or revoked by this client. */
import { type Send } from "./send.js";
export declare function withBearerToken(next: Send, accessToken: string): Send;
//# sourceMappingURL=auth-bearer.d.ts.map