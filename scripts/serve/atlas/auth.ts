/**
 * The mock's three ways in, checked for real: service-account tokens it issued (OAuth 2.0 client credentials
 * at /api/oauth/token, revoked at /api/oauth/revoke), RFC 7616 digests of the test API key (with the client's
 * own src/digest/rfc7616.ts), and one static access token. A correct digest on an expired nonce is stale=true.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { computeDigestResponse, parseChallenges } from "../../../src/digest/rfc7616.js";

const REALM = "MMS Public API";

/** Test values, printed at start-up; each can be replaced through its environment variable (docs/mock.md). */
export const DEFAULT_CREDENTIALS = { clientId: "mdb_sa_id_mock", clientSecret: "mdb_sa_sk_mock", publicKey: "mockpublickey", privateKey: "mock-private-key-0000", accessToken: "mock-access-token" };
export type Credentials = typeof DEFAULT_CREDENTIALS;

const same = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Who a request is (rate limits and errors are per credential), or why it was refused. */
export type Verdict = { who: string } | { refused: true; stale: boolean };

export class MockAuth {
  readonly #tokens = new Map<string, number>();
  readonly #nonces = new Map<string, number>();

  constructor(readonly credentials: Credentials, readonly tokenTtlMs = 3_600_000, readonly nonceTtlMs = 300_000) {}

  /** A WWW-Authenticate value with a fresh nonce. */
  challenge(stale = false): string {
    const nonce = randomBytes(16).toString("hex");
    this.#nonces.set(nonce, Date.now() + this.nonceTtlMs);
    return `Digest realm="${REALM}", nonce="${nonce}", qop="auth", algorithm=MD5${stale ? ", stale=true" : ""}`;
  }

  /** Checks an API request's Authorization header against `method` and the request-target as sent. */
  check(authorization: string | undefined, method: string, target: string): Verdict {
    const refused = { refused: true as const, stale: false };
    if (!authorization) return refused;
    const bearer = /^Bearer ([\x21-\x7e]+)$/.exec(authorization)?.[1];
    if (bearer !== undefined) {
      if (same(bearer, this.credentials.accessToken)) return { who: "static access token" };
      const expires = this.#tokens.get(bearer);
      return expires !== undefined && expires > Date.now() ? { who: `service account ${this.credentials.clientId}` } : refused;
    }
    const [digest] = parseChallenges(authorization);
    if (digest?.scheme.toLowerCase() !== "digest") return refused;
    const p = digest.params;
    const { publicKey, privateKey } = this.credentials;
    if (p.username !== publicKey || p.realm !== REALM || p.qop !== "auth" || (p.algorithm ?? "MD5").toUpperCase() !== "MD5" || p.uri !== target) return refused;
    if (!p.nonce || !p.cnonce || !p.response || !/^[0-9a-f]{8}$/i.test(p.nc ?? "")) return refused;
    const challenge = { realm: REALM, nonce: p.nonce, opaque: undefined, algorithm: "MD5" as const, qop: "auth" as const, stale: false, userhash: false };
    const expected = computeDigestResponse({ challenge, username: publicKey, password: privateKey, method, uri: target, nc: parseInt(p.nc!, 16), cnonce: p.cnonce });
    if (!same(expected, p.response.toLowerCase())) return refused;
    if ((this.#nonces.get(p.nonce) ?? 0) <= Date.now()) return { refused: true, stale: true };
    return { who: `API key ${publicKey}` };
  }

  /** Client credentials from HTTP Basic (form-decoded, RFC 6749 §2.3.1) or form fields; true when they match. */
  #client(authorization: string | undefined, form: URLSearchParams): boolean {
    let [id, secret] = [form.get("client_id"), form.get("client_secret")];
    const basic = /^Basic (\S+)$/i.exec(authorization ?? "")?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      try {
        const part = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
        [id, secret] = [part(decoded.slice(0, colon)), part(decoded.slice(colon + 1))];
      } catch {
        return false; // not form-encoded
      }
    }
    return id !== null && secret !== null && same(id, this.credentials.clientId) && same(secret, this.credentials.clientSecret);
  }

  /** POST /api/oauth/token and /api/oauth/revoke: status and JSON body (undefined: empty). */
  oauth(endpoint: string, authorization: string | undefined, body: string): { status: number; body?: object } {
    const form = new URLSearchParams(body);
    if (!this.#client(authorization, form)) return { status: 401, body: { error: "invalid_client", error_description: "Invalid client credentials" } };
    if (endpoint === "revoke") {
      this.#tokens.delete(form.get("token") ?? "");
      return { status: 200 };
    }
    if (form.get("grant_type") !== "client_credentials") return { status: 400, body: { error: "unsupported_grant_type", error_description: "grant_type must be client_credentials" } };
    const token = `mock_${randomBytes(24).toString("base64url")}`;
    this.#tokens.set(token, Date.now() + this.tokenTtlMs);
    return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: Math.round(this.tokenTtlMs / 1000) } };
  }
}
