import type { Send } from "./send.js";
export declare function withRedirects(next: Send, origin: string): Send;
//# sourceMappingURL=redirects.d.ts.map