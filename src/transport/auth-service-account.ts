/**
 * Service accounts: OAuth 2.0 client credentials against {baseUrl}/api/oauth/token with HTTP Basic
 * client authentication, through oauth4webapi. The token is cached until shortly before expires_in
 * runs out; concurrent requests share one token request (Atlas rate-limits the token endpoint);
 * a 401 on an API call fetches a new token once and re-sends the call once; revoke() (called by
 * the client's close()) revokes the token at {baseUrl}/api/oauth/revoke.
 *
 * oauth4webapi's errors are not passed on as causes: some carry the token response body.
 */
import * as oauth from "oauth4webapi";
import { AtlasAuthError, AtlasError } from "../errors.js";
import type { ServiceAccountAuth } from "../options.js";
import type { SecretRedactor } from "../redact.js";
import { withHeader, type Send } from "./send.js";

export interface ServiceAccountOptions extends ServiceAccountAuth {
  baseUrl: string;
  /** The exchange (timeout, network errors) token and revocation requests go through. */
  exchange: Send;
  redactor: SecretRedactor;
  userAgent: string;
}

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  renewAt: number;
}

/**
 * HTTP Basic client authentication as Atlas's own SDK (Go, golang.org/x/oauth2) sends it: each
 * part query-escaped, which leaves Atlas's "mdb_sa_id_..." / "mdb_sa_sk_..." characters as they are,
 * exactly like the documented `curl --user id:secret`. oauth4webapi's ClientSecretBasic escapes
 * "_", "-" and "." too (panva/oauth4webapi#148, #199), which a server that does not form-decode
 * Basic credentials rejects; the rest of the exchange stays oauth4webapi's.
 */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const escape = (value: string) =>
    encodeURIComponent(value)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, "+");
  return btoa(`${escape(clientId)}:${escape(clientSecret)}`);
}

/** Renew this long before expiry: a tenth of the lifetime, at most a minute. */
function renewalMargin(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10);
}

export class ServiceAccountTokens {
  readonly #as: oauth.AuthorizationServer;
  readonly #client: oauth.Client;
  readonly #clientAuth: oauth.ClientAuth;
  readonly #http: oauth.HttpRequestOptions<"POST", URLSearchParams>;
  readonly #redactor: SecretRedactor;
  #token: CachedToken | undefined;
  #pending: Promise<string> | undefined;

  constructor({ baseUrl, clientId, clientSecret, exchange, redactor, userAgent }: ServiceAccountOptions) {
    this.#as = {
      issuer: baseUrl,
      token_endpoint: `${baseUrl}/api/oauth/token`,
      revocation_endpoint: `${baseUrl}/api/oauth/revoke`,
    };
    this.#client = { client_id: clientId };
    const credentials = basicCredentials(clientId, clientSecret);
    this.#clientAuth = (_as, _client, _body, headers) => headers.set("authorization", `Basic ${credentials}`);
    this.#http = {
      headers: { "user-agent": userAgent },
      [oauth.customFetch]: (url, init) => exchange(new Request(url, init)),
      // Plain http is only reachable for loopback hosts (checked in options.ts): local mocks and tests.
      [oauth.allowInsecureRequests]: baseUrl.startsWith("http:"),
    };
    this.#redactor = redactor;
    redactor.add(clientSecret, credentials);
  }

  /** A valid token, from the cache or from one shared token request. */
  get(): Promise<string> {
    if (this.#token && Date.now() < this.#token.renewAt) return Promise.resolve(this.#token.value);
    this.#pending ??= this.#request().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** After a 401 with `rejected`: a new token, unless another request already replaced it. */
  renew(rejected: string): Promise<string> {
    if (this.#token?.value === rejected) this.#token = undefined;
    return this.get();
  }

  async revoke(): Promise<void> {
    await this.#pending?.catch(() => undefined);
    const token = this.#token?.value;
    this.#token = undefined;
    if (token === undefined) return;
    try {
      const response = await oauth.revocationRequest(this.#as, this.#client, this.#clientAuth, token, {
        ...this.#http,
        additionalParameters: { token_type_hint: "access_token" },
      });
      await oauth.processRevocationResponse(response);
    } catch (error) {
      throw this.#authError("Service account token revocation failed", error);
    }
  }

  async #request(): Promise<string> {
    try {
      const response = await oauth.clientCredentialsGrantRequest(this.#as, this.#client, this.#clientAuth, {}, this.#http);
      const result = await oauth.processClientCredentialsResponse(this.#as, this.#client, response);
      if (result.token_type !== "bearer") throw new AtlasAuthError(`Token endpoint issued an unsupported token_type ${JSON.stringify(result.token_type)}`, response.status);
      this.#redactor.add(result.access_token);
      const lifetimeMs = result.expires_in === undefined ? Infinity : result.expires_in * 1000;
      this.#token = { value: result.access_token, renewAt: Date.now() + lifetimeMs - renewalMargin(lifetimeMs) };
      return result.access_token;
    } catch (error) {
      throw this.#authError("Service account token request failed", error);
    }
  }

  /** Our own errors pass through; oauth4webapi's become an AtlasAuthError keeping only status and OAuth code. */
  #authError(what: string, error: unknown): AtlasError {
    if (error instanceof AtlasError) return error;
    if (error instanceof oauth.ResponseBodyError) {
      const description = error.error_description ? `: ${this.#redactor.redact(error.error_description)}` : "";
      return new AtlasAuthError(`${what}: HTTP ${error.status} ${error.error}${description}`, error.status, error.error);
    }
    const status = error instanceof oauth.OperationProcessingError && error.cause instanceof Response ? error.cause.status : undefined;
    const reason = error instanceof Error ? this.#redactor.redact(error.message) : "unexpected error";
    return new AtlasAuthError(`${what}: ${status === undefined ? "" : `HTTP ${status}, `}${reason}`, status);
  }
}

/** Sends each request with the current bearer token; on 401, renews the token and re-sends once. */
export function withServiceAccountAuth(next: Send, tokens: ServiceAccountTokens): Send {
  return async (request) => {
    const token = await tokens.get();
    const response = await next(withHeader(request, "authorization", `Bearer ${token}`));
    if (response.status !== 401) return response;
    const renewed = await tokens.renew(token);
    return next(withHeader(request, "authorization", `Bearer ${renewed}`));
  };
}
