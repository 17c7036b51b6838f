export declare class Lifecycle {
    #private;
    constructor();
    /** Aborted by close(); for waits. */
    get signal(): AbortSignal;
    get closed(): boolean;
    /** Registers an exchange's controller so close() can abort it; call untrack() when it ends. */
    track(exchange: AbortController): void;
    untrack(exchange: AbortController): void;
    close(): void;
}
//# sourceMappingURL=lifecycle.d.ts.map