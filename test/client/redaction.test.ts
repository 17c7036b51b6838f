/**
 * No secret (client secret, Basic credentials, private key, access tokens) may appear in anything
 * the client produces: error messages, causes, stacks, own properties, `error` bodies, or logs.
 * Servers here misbehave on purpose, echoing credentials back, so redaction is actually exercised.
 */
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAtlasClient, type AtlasClient } from "../../src/index.js";
import { answerLater, ORG_ID, resetConnection, sendJson, sendText, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";
import { OAuthServer } from "./helpers/oauth-server.js";

const CLIENT_ID = "mdb_sa_id_0123456789abcdef01234567";
const CLIENT_SECRET = "mdb_sa_sk_R3dact-me-0123456789abcdef";
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
const PRIVATE_KEY = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.external-token-payload.signature";

let atlas: MockAtlas;
let oauth: OAuthServer;
let logged: string[];

beforeEach(async () => {
  atlas = await startMockAtlas();
  oauth = new OAuthServer(CLIENT_ID, CLIENT_SECRET);
  logged = [];
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => inspect(a, { depth: 20 })).join(" ")));
  }
  vi.spyOn(process, "emitWarning").mockImplementation((warning: string | Error) => void logged.push(inspect(warning)));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await atlas.close();
});

/** Everything an error exposes: message, stack, own and hidden properties, and its cause chain. */
function exposed(value: unknown): string {
  const parts = [inspect(value, { depth: 20, showHidden: true, getters: true })];
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {
    // circular: inspect above already covered it
  }
  for (let e = value, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth++) parts.push(e.message, e.stack ?? "", String(e));
  return parts.join("\n");
}

function secretsIn(text: string, secrets: string[]): string[] {
  return secrets.filter((s) => text.includes(s));
}

/** Runs `call`, returning whatever it produced (rejection or resolved result) for inspection. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    (result) => result,
    (error: unknown) => error,
  );
}

const getSettings = (c: AtlasClient) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
const echo = (headers: Record<string, unknown>, extra = "") => `<html><body>${extra} Bad gateway. Your request headers: ${JSON.stringify({ authorization: headers.authorization, ...headers })}</body></html>`;

describe("secret redaction", () => {
  it("service account: token refusal, bad token response, echoed headers, resets, timeouts, failed revocation", async () => {
    const outcomes: unknown[] = [];
    const client = () => createAtlasClient({ baseUrl: atlas.baseUrl, auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });

    // The token endpoint refuses and echoes the credentials in its error description.
    atlas.handle((req, res) => sendJson(res, 401, { error: "invalid_client", error_description: `bad ${req.headers.authorization} / ${CLIENT_SECRET}` }));
    outcomes.push(await outcome(() => getSettings(client())));

    // The token endpoint answers an unusable token response that contains a token.
    atlas.handle((_req, res) => sendJson(res, 200, { access_token: "eyJ-leaked-from-bad-response-0001" }));
    outcomes.push(await outcome(() => getSettings(client())));

    // API calls: a gateway echoes the bearer header in an HTML page, then resets, then stalls.
    const faults = [
      (req: { headers: Record<string, unknown> }, res: Parameters<typeof sendText>[0]) => sendText(res, 502, echo(req.headers)),
      (_req: unknown, _res: unknown, raw: Parameters<typeof resetConnection>[0]) => resetConnection(raw),
      (_req: unknown, res: Parameters<typeof sendJson>[0], raw: Parameters<typeof answerLater>[0]) => answerLater(raw, 1_000, () => sendJson(res, 200, {})),
    ];
    for (const fault of faults) {
      const c = client();
      atlas.handle((req, res, raw) => {
        if (!oauth.handle(req, res, raw)) fault(req as never, res as never, raw);
      });
      outcomes.push(await outcome(() => getSettings(c)));
      outcomes.push(await outcome(() => c.POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } })));
      // Revocation fails and echoes the token it was given.
      atlas.handle((req, res) => sendJson(res, 500, { error: "server_error", error_description: `could not revoke ${req.body} ${req.headers.authorization}` }));
      outcomes.push(await outcome(() => c.close()));
    }

    // The token endpoint is unreachable.
    atlas.handle((_req, _res, raw) => resetConnection(raw));
    outcomes.push(await outcome(() => getSettings(client())));

    const secrets = [CLIENT_SECRET, BASIC, "eyJ-leaked-from-bad-response-0001", ...oauth.issued];
    expect(oauth.issued.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o instanceof Error).map((o) => (o as Error).name)).toEqual(
      expect.arrayContaining(["AtlasAuthError", "AtlasNetworkError", "AtlasTimeoutError"]),
    );
    // Redaction was needed: the gateway page really carried the token.
    expect(exposed(outcomes)).toContain("[REDACTED]");
    expect(secretsIn(exposed(outcomes), secrets)).toEqual([]);
    expect(secretsIn(logged.join("\n"), secrets)).toEqual([]);
  });

  it("API key: echoed headers and key, resets, timeouts", async () => {
    const outcomes: unknown[] = [];
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, auth: { publicKey: "abcdefgh", privateKey: PRIVATE_KEY }, timeoutMs: 200, retry: { maxAttempts: 1 } });
    atlas.handle((req, res) => sendText(res, 503, echo(req.headers, `key=${PRIVATE_KEY}`)));
    outcomes.push(await outcome(() => getSettings(c)));
    atlas.handle((_req, _res, raw) => resetConnection(raw));
    outcomes.push(await outcome(() => getSettings(c)));
    atlas.handle((_req, res, raw) => answerLater(raw, 1_000, () => sendJson(res, 200, {})));
    outcomes.push(await outcome(() => getSettings(c)));
    outcomes.push(await outcome(() => c.close()));

    expect(exposed(outcomes)).toContain("[REDACTED]");
    expect(secretsIn(exposed(outcomes), [PRIVATE_KEY])).toEqual([]);
    expect(secretsIn(logged.join("\n"), [PRIVATE_KEY])).toEqual([]);
  });

  it("access token: echoed in a 401 body and in a 503 page", async () => {
    const outcomes: unknown[] = [];
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, auth: { accessToken: ACCESS_TOKEN }, retry: { maxAttempts: 1 } });
    atlas.handle((req, res) => sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED", detail: `token ${req.headers.authorization} rejected` }));
    outcomes.push(await outcome(() => getSettings(c)));
    atlas.handle((req, res) => sendText(res, 503, echo(req.headers)));
    outcomes.push(await outcome(() => getSettings(c)));

    expect(outcomes).toMatchObject([{ error: { errorCode: "NOT_AUTHORIZED", detail: "token Bearer [REDACTED] rejected" } }, { error: { errorCode: "UNEXPECTED_RESPONSE" } }]);
    expect(secretsIn(exposed(outcomes.map((o) => (o as { error: unknown }).error)), [ACCESS_TOKEN])).toEqual([]);
    expect(secretsIn(logged.join("\n"), [ACCESS_TOKEN])).toEqual([]);
  });

  it("the client itself logs nothing", async () => {
    atlas.handle((_req, _res, raw) => resetConnection(raw));
    await outcome(() => getSettings(createAtlasClient({ baseUrl: atlas.baseUrl, auth: { accessToken: ACCESS_TOKEN }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })));
    expect(logged).toEqual([]);
  });
});
