/**
 * Removes the client's secrets from text the client did not write itself (error bodies, low-level
 * error messages) before it reaches an error object. A server or proxy that echoes request headers
 * into an error page must not hand the caller's credentials back into logs.
 *
 * Only live secrets are kept: a service-account token leaves the list once two newer ones replaced
 * it (see auth-service-account.ts), so a client that renews often does not grow it forever.
 */
export class SecretRedactor {
    /** Each secret with the forms it is searched in: as it is, and JSON-escaped ("/" as "\/"). */
    #secrets = new Map();
    /** Remember secrets (Basic credentials are passed in their base64 form too). */
    add(...secrets) {
        for (const secret of secrets) {
            // Very short strings would redact ordinary words; real secrets are long.
            if (secret.length < 4 || this.#secrets.has(secret))
                continue;
            const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), secret.replace(/\//g, "\\/")]);
            this.#secrets.set(secret, [...forms]);
        }
    }
    /** Forget a secret that can no longer appear anywhere (a replaced token). */
    remove(secret) {
        this.#secrets.delete(secret);
    }
    /** How many secrets are held. */
    get size() {
        return this.#secrets.size;
    }
    redact(text) {
        let out = text;
        for (const forms of this.#secrets.values()) {
            for (const form of forms)
                if (out.includes(form))
                    out = out.split(form).join("[REDACTED]");
        }
        return out;
    }
    /** A copy of parsed JSON with every string (values and keys) redacted: escapes are gone by now. */
    redactValue(value) {
        if (typeof value === "string")
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((item) => this.redactValue(item));
        if (value !== null && typeof value === "object") {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactValue(item)]));
        }
        return value;
    }
}
//# sourceMappingURL=redact.js.map