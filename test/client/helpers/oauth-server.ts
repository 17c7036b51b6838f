/**
 * Atlas's service-account endpoints for the tests: POST /api/oauth/token (client credentials,
 * HTTP Basic client authentication) and POST /api/oauth/revoke, plus bearer checks for API calls.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RecordedRequest } from "./mock-atlas.js";
import { answerLater, sendJson } from "./mock-atlas.js";

export class OAuthServer {
  issued: string[] = [];
  revoked: string[] = [];
  /** Tokens the API still accepts; a test removes one to simulate server-side expiry. */
  valid = new Set<string>();
  expiresIn = 3600;
  /** Delay before the token endpoint answers, so concurrent callers overlap. */
  delayMs = 0;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  /** Answers the two OAuth endpoints; returns false for any other path. */
  handle(req: RecordedRequest, res: ServerResponse, raw: IncomingMessage): boolean {
    if (req.path !== "/api/oauth/token" && req.path !== "/api/oauth/revoke") return false;
    const basic = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString("base64")}`;
    if (req.method !== "POST" || req.headers.authorization !== basic) {
      sendJson(res, 401, { error: "invalid_client", error_description: "Invalid client credentials" });
      return true;
    }
    const form = new URLSearchParams(req.body);
    if (req.path === "/api/oauth/revoke") {
      const token = form.get("token") ?? "";
      this.revoked.push(token);
      this.valid.delete(token);
      res.writeHead(200).end();
      return true;
    }
    if (form.get("grant_type") !== "client_credentials") {
      sendJson(res, 400, { error: "unsupported_grant_type" });
      return true;
    }
    const token = `eyJ-access-token-${this.issued.length + 1}-${Math.random().toString(36).slice(2)}`;
    this.issued.push(token);
    this.valid.add(token);
    answerLater(raw, this.delayMs, () => sendJson(res, 200, { access_token: token, token_type: "Bearer", expires_in: this.expiresIn }));
    return true;
  }

  /** True when the API call carries a valid bearer token; otherwise answers 401 and returns false. */
  authorize(req: RecordedRequest, res: ServerResponse): boolean {
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? "";
    if (this.valid.has(token)) return true;
    sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED", reason: "Unauthorized", detail: "Invalid or expired token" });
    return false;
  }
}
