/**
 * Removes the client's secrets from text the client did not write itself (error bodies, low-level
 * error messages) before it reaches an error object. A server or proxy that echoes request headers
 * into an error page must not hand the caller's credentials back into logs.
 *
 * Only live secrets are kept: a service-account token leaves the list once two newer ones replaced
 * it (see auth-service-account.ts), so a client that renews often does not grow it forever.
 */
export declare class SecretRedactor {
    #private;
    /** Remember secrets (Basic credentials are passed in their base64 form too). */
    add(...secrets: string[]): void;
    /** Forget a secret that can no longer appear anywhere (a replaced token). */
    remove(secret: string): void;
    /** How many secrets are held. */
    get size(): number;
    redact(text: string): string;
    /** A copy of parsed JSON with every string (values and keys) redacted: escapes are gone by now. */
    redactValue(value: unknown): unknown;
}
//# sourceMappingURL=redact.d.ts.map