/**
 * createAtlasClient: an openapi-fetch client over the generated `paths`, with Atlas's requirements
 * wired in. Two layers:
 *  - openapi-fetch middleware, once per call: versioned media types, User-Agent, required path
 *    parameters, ApiError-shaped errors (src/middleware/);
 *  - the transport passed to openapi-fetch as `fetch`, which may send a request several times:
 *    origin guard and close() > retries > same-origin redirects > authentication > one timed
 *    exchange (src/transport/).
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/atlas.js";
import { AtlasClientClosedError, AtlasConfigError, AtlasError, AtlasOriginError, summarize } from "./errors.js";
import { apiErrorMiddleware, readJson } from "./middleware/api-error.js";
import { userAgentMiddleware, userAgentString } from "./middleware/user-agent.js";
import { versioningMiddleware } from "./middleware/versioning.js";
import { resolveOptions, type AtlasClientOptions, type ResolvedOptions } from "./options.js";
import { pathSerializer, requirePathParamsMiddleware } from "./path-params.js";
import { SecretRedactor } from "./redact.js";
import { withBearerToken } from "./transport/auth-bearer.js";
import { withDigestAuth } from "./transport/auth-digest.js";
import { ServiceAccountTokens, withServiceAccountAuth } from "./transport/auth-service-account.js";
import { createExchange } from "./transport/exchange.js";
import { Lifecycle } from "./transport/lifecycle.js";
import { withRedirects } from "./transport/redirects.js";
import { withRetries } from "./transport/retry.js";
import type { Send } from "./transport/send.js";

export type AtlasClient = Client<paths> & {
  /**
   * Revokes a service account's token (other auth modes hold nothing to release) and makes every
   * call still in flight, and every later call, reject with AtlasClientClosedError. No token request
   * starts after close(). Safe to call more than once.
   */
  close(): Promise<void>;
};

interface Transport {
  send: Send;
  close(): Promise<void>;
}

function createTransport(options: ResolvedOptions, redactor: SecretRedactor, userAgent: string): Transport {
  const lifecycle = new Lifecycle();
  const exchange = createExchange({ fetch: options.fetch, timeoutMs: options.timeoutMs, redactor, closing: lifecycle.signal });
  const { auth } = options;
  let authenticated: Send = exchange;
  let release = async () => {};
  if (auth.kind === "serviceAccount") {
    // Token requests are not aborted by close(): a token on its way is received, then revoked.
    const tokenExchange = createExchange({ fetch: options.fetch, timeoutMs: options.timeoutMs, redactor });
    const tokens = new ServiceAccountTokens({ ...auth, baseUrl: options.baseUrl, exchange: tokenExchange, redactor, userAgent, lifecycle });
    authenticated = withServiceAccountAuth(exchange, tokens, lifecycle);
    release = () => tokens.revoke();
  } else if (auth.kind === "apiKey") {
    redactor.add(auth.privateKey);
    authenticated = withDigestAuth(exchange, { ...auth, redactor, lifecycle });
  } else if (auth.kind === "accessToken") {
    redactor.add(auth.accessToken);
    authenticated = withBearerToken(exchange, auth.accessToken);
  }
  const origin = new URL(options.baseUrl).origin;
  const send = withRetries(withRedirects(authenticated, origin), options.retry, { closing: lifecycle.signal });
  const stillOpen = (response: Response) => {
    lifecycle.assertOpen();
    return response;
  };

  let closed: Promise<void> | undefined;
  return {
    send: (request) => {
      if (lifecycle.closed) return Promise.reject(new AtlasClientClosedError());
      // Credentials go only to the configured origin, whatever a per-call baseUrl or a middleware says.
      if (!request.url.startsWith(`${origin}/`)) return Promise.reject(new AtlasOriginError(summarize(request), new URL(request.url).origin, origin));
      return send(request).then(stillOpen);
    },
    close: () =>
      (closed ??= (async () => {
        lifecycle.close();
        await release();
      })()),
  };
}

type Method = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
const METHODS: readonly Method[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

interface CallInit {
  fetch?: unknown;
  parseAs?: string;
  signal?: AbortSignal | null;
}
interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Call = (url: string, init?: CallInit) => Promise<CallResult>;

/**
 * Every rejection is an AtlasError (or the caller's own abort reason): anything else that escapes
 * openapi-fetch or the platform becomes an AtlasError with a redacted message and no cause.
 */
function asAtlasError(error: unknown, init: CallInit | undefined, redactor: SecretRedactor): unknown {
  if (error instanceof AtlasError) return error;
  if (init?.signal?.aborted && error === init.signal.reason) return error;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new AtlasError(`Unexpected failure: ${redactor.redact(text)}`);
}

/**
 * Wraps one openapi-fetch method: a per-call `fetch` is refused (it would skip authentication,
 * retries and close()), and JSON bodies are parsed here rather than by openapi-fetch, so a 2xx
 * whose body is not JSON rejects with AtlasInvalidResponseError.
 */
function guarded(call: Call, redactor: SecretRedactor): Call {
  return async (url, init) => {
    try {
      if (init?.fetch !== undefined) throw new AtlasConfigError("fetch", "cannot be set per call (it would bypass authentication, retries and close()); pass it to createAtlasClient");
      const ownJson = init?.parseAs === undefined || init.parseAs === "json";
      const result = await call(url, ownJson ? { ...init, parseAs: "stream" } : init);
      if (ownJson && result.data !== undefined) result.data = await readJson(result.response, redactor);
      return result;
    } catch (error) {
      throw asAtlasError(error, init, redactor);
    }
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
  const methods = client as unknown as Record<Method, Call> & { request: (method: string, url: string, init?: CallInit) => Promise<CallResult> };
  for (const method of METHODS) methods[method] = guarded(methods[method].bind(client), redactor);
  const request = methods.request.bind(client);
  methods.request = (method, url, init) => guarded((u, i) => request(method, u, i), redactor)(url, init);
  return Object.assign(client, { close: transport.close });
}
