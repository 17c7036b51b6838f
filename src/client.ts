/**
 * createAtlasClient: an openapi-fetch client over the generated `paths`, with Atlas's requirements
 * wired in. Two layers:
 *  - openapi-fetch middleware, once per call: versioned media types, User-Agent, required path
 *    parameters, ApiError-shaped errors (src/middleware/);
 *  - the transport passed to openapi-fetch as `fetch`, which may send a request several times:
 *    retries > authentication > one timed exchange (src/transport/).
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/atlas.js";
import { AtlasClientClosedError } from "./errors.js";
import { apiErrorMiddleware } from "./middleware/api-error.js";
import { userAgentMiddleware, userAgentString } from "./middleware/user-agent.js";
import { versioningMiddleware } from "./middleware/versioning.js";
import { resolveOptions, type AtlasClientOptions, type ResolvedOptions } from "./options.js";
import { pathSerializer, requirePathParamsMiddleware } from "./path-params.js";
import { SecretRedactor } from "./redact.js";
import { withBearerToken } from "./transport/auth-bearer.js";
import { withDigestAuth } from "./transport/auth-digest.js";
import { ServiceAccountTokens, withServiceAccountAuth } from "./transport/auth-service-account.js";
import { createExchange } from "./transport/exchange.js";
import { withRetries } from "./transport/retry.js";
import type { Send } from "./transport/send.js";

export type AtlasClient = Client<paths> & {
  /**
   * Revokes a service account's token (other auth modes hold nothing to release) and makes every
   * later call reject with AtlasClientClosedError. Safe to call more than once.
   */
  close(): Promise<void>;
};

export interface Transport {
  send: Send;
  close(): Promise<void>;
}

export function createTransport(options: ResolvedOptions, redactor: SecretRedactor, userAgent: string): Transport {
  const exchange = createExchange({ fetch: options.fetch, timeoutMs: options.timeoutMs, redactor });
  const { auth } = options;
  let authenticated: Send = exchange;
  let release = async () => {};
  if (auth.kind === "serviceAccount") {
    const tokens = new ServiceAccountTokens({ ...auth, baseUrl: options.baseUrl, exchange, redactor, userAgent });
    authenticated = withServiceAccountAuth(exchange, tokens);
    release = () => tokens.revoke();
  } else if (auth.kind === "apiKey") {
    redactor.add(auth.privateKey);
    authenticated = withDigestAuth(exchange, auth);
  } else if (auth.kind === "accessToken") {
    redactor.add(auth.accessToken);
    authenticated = withBearerToken(exchange, auth.accessToken);
  }
  const send = withRetries(authenticated, options.retry);

  let closed: Promise<void> | undefined;
  return {
    send: (request) => (closed ? Promise.reject(new AtlasClientClosedError()) : send(request)),
    close: () => (closed ??= release()),
  };
}

export function createAtlasClient(options: AtlasClientOptions = {}): AtlasClient {
  const resolved = resolveOptions(options);
  const redactor = new SecretRedactor();
  const userAgent = userAgentString(resolved.userAgent);
  const transport = createTransport(resolved, redactor, userAgent);

  const client = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: transport.send,
    pathSerializer,
  });
  client.use(requirePathParamsMiddleware, versioningMiddleware, userAgentMiddleware(userAgent), apiErrorMiddleware(redactor));
  return Object.assign(client, { close: transport.close });
}
