/**
 * Issue 14, client hardening: one test (or group) per item, named after it. Each was seen failing
 * against fake servers on loopback before the fix.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AtlasAuthError,
  AtlasClientClosedError,
  AtlasConfigError,
  AtlasError,
  AtlasInvalidResponseError,
  AtlasOriginError,
  createAtlasClient,
  type AtlasClient,
} from "../../src/index.js";
import { SecretRedactor } from "../../src/redact.js";
import { ServiceAccountTokens } from "../../src/transport/auth-service-account.js";
import { createExchange } from "../../src/transport/exchange.js";
import { parseRetryAfter, withRetries } from "../../src/transport/retry.js";
import { DigestServer } from "./helpers/digest-server.js";
import { ORG_ID, orgSettings, sendJson, sendText, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";
import { OAuthServer } from "./helpers/oauth-server.js";

const CLIENT_ID = "mdb_sa_id_0a1b2c3d4e5f60718293a4b5";
const CLIENT_SECRET = "mdb_sa_sk_h4rden-me-0123456789abcdef";
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");

let atlas: MockAtlas;
let other: MockAtlas;
let oauth: OAuthServer;

beforeEach(async () => {
  oauth = new OAuthServer(CLIENT_ID, CLIENT_SECRET);
  atlas = await startMockAtlas((req, res, raw) => {
    if (oauth.handle(req, res, raw)) return;
    if (oauth.authorize(req, res)) sendJson(res, 200, orgSettings);
  });
  other = await startMockAtlas((_req, res) => sendJson(res, 200, { from: "the other origin" }));
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all([atlas.close(), other.close()]);
});

const serviceAccount = (retry = { baseDelayMs: 1, maxDelayMs: 5 }) =>
  createAtlasClient({ baseUrl: atlas.baseUrl, auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, retry });
const getSettings = (c: AtlasClient, init: { signal?: AbortSignal; headers?: Record<string, string> } = {}) =>
  c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } }, ...init });
const settled = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }));

/** A promise that a server handler can wait on until the test releases it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The outcome of a settled() promise, or "timer" after `ms`: shows what happened without hanging. */
const within = (outcome: Promise<unknown>, ms: number) => Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve("timer"), ms))]);

/** Everything an error exposes (message, stack, properties, causes), for secret checks. */
const exposed = (value: unknown) => inspect(value, { depth: 20, showHidden: true, getters: true }) + JSON.stringify(value ?? null);

describe("1. close() leaves a live token", () => {
  it("a GET waiting to retry after a 503 rejects with AtlasClientClosedError and fetches no token after close()", async () => {
    const apiSeen = gate();
    atlas.handle((req, res, raw) => {
      if (oauth.handle(req, res, raw)) return;
      apiSeen.open();
      sendJson(res, 503, { error: 503, errorCode: "SERVICE_UNAVAILABLE" }, { "retry-after": "1" });
    });
    const c = serviceAccount({ baseDelayMs: 1, maxDelayMs: 1_000 });
    const call = settled(getSettings(c));
    await apiSeen.opened;
    await c.close();
    const outcome = await within(call, 500);
    expect(outcome).toEqual({ error: expect.any(AtlasClientClosedError) });
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(1);
    expect(atlas.requestsTo("/api/atlas")).toHaveLength(1);
    expect(oauth.revoked).toEqual(oauth.issued);
  });

  it("a call whose token close() revoked rejects with AtlasClientClosedError instead of fetching a new token", async () => {
    const apiSeen = gate();
    const closed = gate();
    atlas.handle(async (req, res, raw) => {
      if (oauth.handle(req, res, raw)) return;
      apiSeen.open();
      await closed.opened; // answer only after close() revoked the token: a 401
      if (oauth.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const c = serviceAccount();
    const call = settled(getSettings(c));
    await apiSeen.opened;
    await c.close();
    closed.open();
    expect(await call).toEqual({ error: expect.any(AtlasClientClosedError) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(1);
    expect(oauth.revoked).toEqual(oauth.issued);
  });
});

describe("2. per-call baseUrl and fetch bypass the client's rules", () => {
  it("a per-call baseUrl of another origin rejects with AtlasOriginError and sends nothing, not even a token request", async () => {
    const c = serviceAccount();
    const failure = await c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } }, baseUrl: other.baseUrl }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasOriginError);
    expect(failure).toMatchObject({ name: "AtlasOriginError", origin: other.baseUrl });
    expect(other.requests).toHaveLength(0);
    expect(atlas.requests).toHaveLength(0);
  });

  it("a per-call baseUrl on the configured origin still works", async () => {
    const { data } = await serviceAccount().GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } }, baseUrl: `${atlas.baseUrl}/` });
    expect(data).toEqual(orgSettings);
  });

  it("a per-call fetch is refused with AtlasConfigError naming fetch, and never called", async () => {
    const perCall = vi.fn<typeof fetch>(() => Promise.resolve(new Response("{}")));
    const failure = await serviceAccount()
      .GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } }, fetch: perCall })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasConfigError);
    expect(failure).toMatchObject({ field: "fetch" });
    expect(perCall).not.toHaveBeenCalled();
    expect(atlas.requests).toHaveLength(0);
  });
});

describe("3. raw errors escape", () => {
  const bearer = () => createAtlasClient({ baseUrl: atlas.baseUrl, auth: { accessToken: "eyJ-bearer-token-for-raw-errors" }, retry: { maxAttempts: 1 } });

  it("a 2xx labelled JSON whose body is not JSON rejects with AtlasInvalidResponseError, redacted", async () => {
    atlas.handle((req, res) => sendText(res, 200, `{"oops" ${req.headers.authorization}`, "application/vnd.atlas.2023-01-01+json"));
    const failure = await getSettings(bearer()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasInvalidResponseError);
    expect(failure).toMatchObject({ status: 200, contentType: "application/vnd.atlas.2023-01-01+json", detail: '{"oops" Bearer [REDACTED]' });
    expect(exposed(failure)).not.toContain("eyJ-bearer-token-for-raw-errors");
  });

  it("a 304 answering If-None-Match resolves like any status", async () => {
    atlas.handle((_req, res) => res.writeHead(304, { etag: '"v1"' }).end());
    const { data, error, response } = await getSettings(bearer(), { headers: { "If-None-Match": '"v1"' } });
    expect([data, error, response.status, response.headers.get("etag")]).toEqual([undefined, undefined, 304, '"v1"']);
  });

  it("a token containing a newline from the token endpoint rejects with AtlasAuthError without the token", async () => {
    const token = "eyJ-line-one\nX-Injected: line-two";
    atlas.handle((req, res) => {
      if (req.path === "/api/oauth/token") return void sendJson(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
      sendJson(res, 200, orgSettings);
    });
    const failure = await getSettings(serviceAccount()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasAuthError);
    expect(exposed(failure)).not.toContain("line-two");
    expect(atlas.requestsTo("/api/atlas")).toHaveLength(0);
  });

  it("anything else that goes wrong inside a call still rejects with an AtlasError", async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const failure = await bearer()
      .POST("/api/atlas/v2/groups", { body: circular as never })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasError);
  });
});

describe("4. secrets in errors", () => {
  it("the token endpoint's OAuth error field is redacted in every field of AtlasAuthError", async () => {
    atlas.handle((req, res) => sendJson(res, 401, { error: `invalid_client ${req.headers.authorization}`, error_description: "no" }));
    const failure = await getSettings(serviceAccount()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasAuthError);
    expect(failure).toMatchObject({ status: 401, oauthError: "invalid_client Basic [REDACTED]" });
    expect(exposed(failure)).not.toContain(BASIC);
  });

  it("a token with / echoed as \\/ in a JSON error body is redacted after parsing", async () => {
    const token = "eyJ/slashed/token/value-0123456789";
    atlas.handle((req, res) => {
      if (req.path === "/api/oauth/token") return void sendJson(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600 });
      const echoed = JSON.stringify(req.headers.authorization).replace(/\//g, "\\/");
      sendText(res, 400, `{"error":400,"errorCode":"INVALID","detail":${echoed}}`, "application/json");
    });
    const { error } = await getSettings(serviceAccount());
    expect(error).toEqual({ error: 400, errorCode: "INVALID", detail: "Bearer [REDACTED]" });
  });
});

describe("5. digest nonce counts repeat", () => {
  const PUBLIC_KEY = "abcdefgh";
  const PRIVATE_KEY = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
  const digestClient = () => createAtlasClient({ baseUrl: atlas.baseUrl, auth: { publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY }, retry: { maxAttempts: 1 } });
  const repeatedPairs = (digest: DigestServer) => {
    const pairs = digest.sent.map((s) => `${s.nonce} ${s.nc}`);
    return pairs.filter((pair, i) => pairs.indexOf(pair) !== i);
  };

  it("20 concurrent calls under nonce rotation never send the same (nonce, nc) twice", async () => {
    const digest = new DigestServer(PUBLIC_KEY, PRIVATE_KEY, 3, true);
    atlas.handle((req, res) => {
      if (digest.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const c = digestClient();
    await getSettings(c);
    await Promise.all(Array.from({ length: 20 }, () => getSettings(c)));
    expect(digest.sent.length).toBeGreaterThan(20);
    expect(repeatedPairs(digest)).toEqual([]);
  });

  it("a non-stale 401 carrying the same nonce does not restart nc", async () => {
    const digest = new DigestServer(PUBLIC_KEY, PRIVATE_KEY);
    let calls = 0;
    atlas.handle((req, res) => {
      calls++;
      if (calls === 3) {
        digest.record(req);
        const header = `Digest realm="${digest.realm}", nonce="${digest.nonces[0]}", algorithm=MD5, qop="auth", stale=false`;
        return void sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED" }, { "www-authenticate": header });
      }
      if (digest.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const c = digestClient();
    for (let i = 0; i < 4; i++) await getSettings(c);
    expect(digest.sent.map((s) => s.nc)).toEqual(["00000001", "00000002", "00000003", "00000004"]);
    expect(repeatedPairs(digest)).toEqual([]);
  });
});

describe("6. waiting ignores the caller's abort", () => {
  it("a call waiting for a slow token request rejects with the caller's reason at the abort", async () => {
    const release = gate();
    atlas.handle(async (req, res, raw) => {
      if (req.path === "/api/oauth/token") await release.opened;
      if (oauth.handle(req, res, raw)) return;
      if (oauth.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const c = serviceAccount();
    const first = settled(getSettings(c)); // starts the token request
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const second = settled(getSettings(c, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);
    expect(await within(second, 1_500)).toEqual({ error: reason });
    release.open();
    expect(((await first) as { value: { data: unknown } }).value.data).toEqual(orgSettings);
  });

  it("a call waiting for another call's digest challenge rejects with the caller's reason at the abort", async () => {
    const digest = new DigestServer("abcdefgh", "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6");
    const release = gate();
    atlas.handle(async (req, res) => {
      if (!req.headers.authorization) await release.opened;
      if (digest.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, auth: { publicKey: "abcdefgh", privateKey: "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6" } });
    const first = settled(getSettings(c)); // the probe for a challenge
    await new Promise((resolve) => setTimeout(resolve, 20));
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const second = settled(getSettings(c, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);
    expect(await within(second, 1_500)).toEqual({ error: reason });
    release.open();
    expect(((await first) as { value: { data: unknown } }).value.data).toEqual(orgSettings);
  });
});

describe("7. token endpoint 429/503 is never retried", () => {
  it.each([
    [429, "0"],
    [503, undefined],
  ])("a GET retries a token endpoint %i under the retry budget", async (status, retryAfter) => {
    let refusals = 1;
    atlas.handle((req, res, raw) => {
      if (req.path === "/api/oauth/token" && refusals-- > 0) {
        return void sendJson(res, status, { error: "temporarily_unavailable" }, retryAfter === undefined ? {} : { "retry-after": retryAfter });
      }
      if (oauth.handle(req, res, raw)) return;
      if (oauth.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const { data } = await getSettings(serviceAccount());
    expect(data).toEqual(orgSettings);
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(2);
  });

  it("a POST is retried too when the token endpoint was busy (the POST itself was never sent), and sent once", async () => {
    let refusals = 2;
    atlas.handle((req, res, raw) => {
      if (req.path === "/api/oauth/token" && refusals-- > 0) return void sendJson(res, 503, { error: "temporarily_unavailable" });
      if (oauth.handle(req, res, raw)) return;
      if (oauth.authorize(req, res)) sendJson(res, 200, { id: "5f4d6c0e9a1b2c3d4e5f6a7b", name: "p", orgId: ORG_ID, clusterCount: 0, created: "2024-01-01T00:00:00Z" });
    });
    const { data } = await serviceAccount().POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } });
    expect(data?.name).toBe("p");
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(3);
    expect(atlas.requestsTo("/api/atlas").map((r) => r.method)).toEqual(["POST"]);
  });

  it("gives up after maxAttempts with AtlasAuthError carrying the status", async () => {
    atlas.handle((_req, res) => sendJson(res, 503, { error: "temporarily_unavailable" }));
    const failure = await getSettings(serviceAccount()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasAuthError);
    expect(failure).toMatchObject({ status: 503, attempts: 3 });
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(3);
  });

  it("a real refusal (invalid_client) is not retried", async () => {
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, auth: { clientId: CLIENT_ID, clientSecret: "wrong-secret-value" }, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
    await expect(getSettings(c)).rejects.toBeInstanceOf(AtlasAuthError);
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(1);
  });
});

describe("8. Retry-After: -5 or 1.5", () => {
  it.each(["-5", "1.5", "1e3", "+7", "Sunday", "Wed, 21 Oct 2015 07:28:00 +0000", "Wednesday, 21-Oct-15 07:28:00 GMT"])(
    "%j is not a delay: the backoff applies",
    async (value) => {
      expect(parseRetryAfter(value, Date.parse("2026-01-01T00:00:00Z"))).toBeUndefined();
      const waits: number[] = [];
      let sends = 0;
      const send = withRetries(
        async () => (sends++ === 0 ? new Response(null, { status: 503, headers: { "retry-after": value } }) : new Response("ok")),
        { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 1_000 },
        { sleep: async (ms) => void waits.push(ms), random: () => 1 },
      );
      await send(new Request("http://127.0.0.1/x"));
      expect(waits).toEqual([100]);
    },
  );

  it("delta-seconds and IMF-fixdate are read", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:27:58 GMT");
    expect(parseRetryAfter("7", now)).toBe(7_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(2_000);
  });
});

describe("9. expires_in: 0", () => {
  it("shares one token for at least 30 s instead of requesting one per call", async () => {
    oauth.expiresIn = 0;
    const c = serviceAccount();
    for (let i = 0; i < 5; i++) expect((await getSettings(c)).data).toEqual(orgSettings);
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(1);
  });

  it("keeps only live tokens in the redactor", async () => {
    oauth.expiresIn = 0;
    const redactor = new SecretRedactor();
    const exchange = createExchange({ fetch, timeoutMs: 5_000, redactor });
    const tokens = new ServiceAccountTokens({ baseUrl: atlas.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, exchange, redactor, userAgent: "test" });
    const before = redactor.size;
    vi.useFakeTimers({ toFake: ["Date"] });
    for (let i = 0; i < 20; i++) {
      await tokens.get();
      vi.setSystemTime(Date.now() + 31_000);
    }
    expect(oauth.issued).toHaveLength(20);
    expect(redactor.size - before).toBeLessThanOrEqual(4);
    expect(redactor.redact(oauth.issued.at(-1)!)).toBe("[REDACTED]");
  });
});
