/**
 * Removes the client's secrets from text the client did not write itself (error bodies, low-level
 * error messages) before it reaches an error object. A server or proxy that echoes request headers
 * into an error page must not hand the caller's credentials back into logs.
 */
export class SecretRedactor {
  readonly #secrets = new Set<string>();

  /** Remember a secret and the encodings under which it travels (Basic credentials are base64). */
  add(...secrets: string[]): void {
    for (const secret of secrets) {
      // Very short strings would redact ordinary words; real secrets are long.
      if (secret.length >= 4) this.#secrets.add(secret);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) {
      if (out.includes(secret)) out = out.split(secret).join("[REDACTED]");
    }
    return out;
  }
}
