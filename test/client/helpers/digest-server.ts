/**
 * Server side of HTTP digest (RFC 7616, MD5, qop=auth) the way Atlas does it, written apart from
 * the client's module so the tests check the client against an independent computation.
 * Nonces expire after `usesPerNonce` requests: the next use is answered 401 with stale=true.
 */
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { RecordedRequest } from "./mock-atlas.js";
import { sendJson } from "./mock-atlas.js";

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

export interface DigestCheck {
  nonce: string;
  nc: string;
  cnonce: string;
}

export class DigestServer {
  readonly realm = "MMS Public API";
  nonces: string[] = [];
  /** Every accepted authorization, in order. */
  accepted: DigestCheck[] = [];
  /** Every digest authorization received, accepted or not, in order. */
  sent: DigestCheck[] = [];
  challenges = 0;
  #uses = new Map<string, number>();

  constructor(
    readonly username: string,
    readonly password: string,
    readonly usesPerNonce = Infinity,
    /** Like a server with one current nonce: every challenge carries it until it is used up. */
    readonly shareNonce = false,
  ) {}

  #challenge(res: ServerResponse, stale: boolean): void {
    this.challenges++;
    const current = this.nonces.at(-1);
    let nonce: string;
    if (this.shareNonce && current !== undefined && this.#uses.get(current)! < this.usesPerNonce) {
      nonce = current;
    } else {
      nonce = `nonce-${this.nonces.length + 1}-${Math.random().toString(36).slice(2)}`;
      this.nonces.push(nonce);
      this.#uses.set(nonce, 0);
    }
    const header = `Digest realm="${this.realm}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth"${stale ? ", stale=true" : ", stale=false"}`;
    sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED", reason: "Unauthorized", detail: "Digest authentication required" }, { "www-authenticate": header });
  }

  /** The digest parameters of `req`'s Authorization header (recorded in `sent`), or undefined without one. */
  record(req: RecordedRequest): Record<string, string> | undefined {
    const header = req.headers.authorization;
    if (!header?.startsWith("Digest ")) return undefined;
    const p = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)].map((m) => [m[1]!, m[2] ?? m[3]!]));
    this.sent.push({ nonce: p.nonce!, nc: p.nc!, cnonce: p.cnonce! });
    return p;
  }

  /** True when `req` carries a valid digest; otherwise answers 401 itself and returns false. */
  authorize(req: RecordedRequest, res: ServerResponse): boolean {
    const p = this.record(req);
    if (!p) return this.#challenge(res, false), false;
    const uses = this.#uses.get(p.nonce!);
    if (uses === undefined) return this.#challenge(res, false), false;
    if (uses >= this.usesPerNonce) return this.#challenge(res, true), false;
    const ha1 = md5(`${this.username}:${this.realm}:${this.password}`);
    const ha2 = md5(`${req.method}:${req.url}`);
    const expected = md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:auth:${ha2}`);
    const ok = p.username === this.username && p.realm === this.realm && p.uri === req.url && p.qop === "auth" && p.algorithm === "MD5" && p.response === expected;
    if (!ok) return this.#challenge(res, false), false;
    this.#uses.set(p.nonce!, uses + 1);
    this.accepted.push({ nonce: p.nonce!, nc: p.nc!, cnonce: p.cnonce! });
    return true;
  }
}
