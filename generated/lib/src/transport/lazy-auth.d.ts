import type { Send } from "./send.js";
/** An authentication layer, once its module is loaded. */
export interface Auth {
    send: Send;
    /** Releases what the layer holds (a service account's token); called by close(). */
    release?: () => Promise<void>;
}
export interface LazyAuth {
    send: Send;
    release(): Promise<void>;
}
export declare function lazyAuth(what: string, load: () => Promise<Auth>): LazyAuth;
//# sourceMappingURL=lazy-auth.d.ts.map