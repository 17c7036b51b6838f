import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AtlasAuthError, AtlasClientClosedError, createAtlasClient } from "../../src/index.js";
import { ORG_ID, orgSettings, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";
import { basicCredentials } from "../../src/transport/auth-service-account.js";
import { OAuthServer } from "./helpers/oauth-server.js";

const CLIENT_ID = "mdb_sa_id_6650a0b1c2d3e4f5a6b7c8d9";
const CLIENT_SECRET = "mdb_sa_sk_tH1s-1s-n0t-a-r3al-s3cr3t";

let atlas: MockAtlas;
let oauth: OAuthServer;

beforeEach(async () => {
  oauth = new OAuthServer(CLIENT_ID, CLIENT_SECRET);
  atlas = await startMockAtlas((req, res, raw) => {
    if (oauth.handle(req, res, raw)) return;
    if (oauth.authorize(req, res)) sendJson(res, 200, orgSettings);
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await atlas.close();
});

function client() {
  return createAtlasClient({ baseUrl: atlas.baseUrl, auth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
}

const getSettings = (c: ReturnType<typeof client>) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });

describe("service account (OAuth 2.0 client credentials)", () => {
  it("asks the token endpoint with HTTP Basic client authentication and grant_type=client_credentials", async () => {
    const { data, error } = await getSettings(client());
    expect(error).toBeUndefined();
    expect(data).toEqual(orgSettings);
    const [tokenRequest] = atlas.requestsTo("/api/oauth/token");
    expect(tokenRequest?.method).toBe("POST");
    expect(tokenRequest?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(tokenRequest!.body).get("grant_type")).toBe("client_credentials");
    expect(tokenRequest!.body).not.toContain(CLIENT_SECRET);
    expect(tokenRequest?.headers["user-agent"]).toMatch(/^atlas-admin-openapi\/\S+ node\//);
    const api = atlas.requestsTo("/api/atlas");
    expect(api[0]?.headers.authorization).toBe(`Bearer ${oauth.issued[0]}`);
  });

  it("makes one token request for 50 concurrent calls", async () => {
    oauth.delayMs = 30;
    const c = client();
    const results = await Promise.all(Array.from({ length: 50 }, () => getSettings(c)));
    expect(results.every((r) => r.error === undefined && r.data?.multiFactorAuthRequired === true)).toBe(true);
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(1);
    const tokensUsed = new Set(atlas.requestsTo("/api/atlas").map((r) => r.headers.authorization));
    expect([...tokensUsed]).toEqual([`Bearer ${oauth.issued[0]}`]);
  });

  it("reuses the cached token until shortly before expires_in runs out, then fetches a new one", async () => {
    const c = client();
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    await getSettings(c);
    vi.setSystemTime(start + 3600_000 - 61_000); // more than a minute left: still cached
    await getSettings(c);
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(1);
    vi.setSystemTime(start + 3600_000 - 59_000); // inside the renewal margin
    const { error } = await getSettings(c);
    expect(error).toBeUndefined();
    expect(oauth.issued).toHaveLength(2);
    expect(atlas.requestsTo("/api/atlas").map((r) => r.headers.authorization)).toEqual([
      `Bearer ${oauth.issued[0]}`,
      `Bearer ${oauth.issued[0]}`,
      `Bearer ${oauth.issued[1]}`,
    ]);
  });

  it("on a 401 fetches a new token once and re-sends the call once", async () => {
    const c = client();
    await getSettings(c);
    oauth.valid.clear(); // the server forgets the token before its expiry
    const { data, error } = await getSettings(c);
    expect(error).toBeUndefined();
    expect(data).toEqual(orgSettings);
    expect(oauth.issued).toHaveLength(2);
    expect(atlas.requestsTo("/api/atlas")).toHaveLength(3);
  });

  it("hands back a second 401 as an error instead of looping", async () => {
    const c = client();
    atlas.handle((req, res, raw) => {
      if (oauth.handle(req, res, raw)) return;
      sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED", reason: "Unauthorized" });
    });
    const { error, response } = await getSettings(c);
    expect(response.status).toBe(401);
    expect(error).toEqual({ error: 401, errorCode: "NOT_AUTHORIZED", reason: "Unauthorized" });
    expect(oauth.issued).toHaveLength(2);
    expect(atlas.requestsTo("/api/atlas")).toHaveLength(2);
  });

  it("re-sends a POST after a 401 (the server refused it unread) but never more than once", async () => {
    const c = client();
    let calls = 0;
    atlas.handle((req, res, raw) => {
      if (oauth.handle(req, res, raw)) return;
      calls++;
      if (calls === 1) return void sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED" });
      sendJson(res, 200, { id: "g", name: "p", orgId: ORG_ID, clusterCount: 0, created: "2024-01-01T00:00:00Z" });
    });
    const { data } = await c.POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } });
    expect(data?.clusterCount).toBe(0);
    const posts = atlas.requestsTo("/api/atlas");
    expect(posts.map((p) => JSON.parse(p.body))).toEqual([{ name: "p", orgId: ORG_ID }, { name: "p", orgId: ORG_ID }]);
  });

  it("close() revokes the token at /api/oauth/revoke and later calls reject", async () => {
    const c = client();
    await getSettings(c);
    await c.close();
    await c.close(); // idempotent: one revocation
    const revokes = atlas.requestsTo("/api/oauth/revoke");
    expect(revokes).toHaveLength(1);
    const form = new URLSearchParams(revokes[0]!.body);
    expect(form.get("token")).toBe(oauth.issued[0]);
    expect(form.get("token_type_hint")).toBe("access_token");
    expect(oauth.revoked).toEqual([oauth.issued[0]]);
    await expect(getSettings(c)).rejects.toBeInstanceOf(AtlasClientClosedError);
  });

  it("close() without a token revokes nothing", async () => {
    await client().close();
    expect(atlas.requests).toHaveLength(0);
  });

  it("rejects with AtlasAuthError when the token endpoint refuses the credentials", async () => {
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, auth: { clientId: CLIENT_ID, clientSecret: "wrong-secret-value" } });
    const failure = await getSettings(c).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasAuthError);
    expect(failure).toMatchObject({ name: "AtlasAuthError", status: 401, oauthError: "invalid_client" });
    expect(atlas.requestsTo("/api/atlas")).toHaveLength(0);
  });

  it("rejects with AtlasAuthError when the token response is unusable", async () => {
    atlas.handle((req, res) => sendJson(res, 200, { access_token: "tok-without-type" }));
    const failure = await getSettings(client()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasAuthError);
    expect((failure as Error).message).toMatch(/token_type/);
  });

  it("a failed token request is not cached: the next call asks again", async () => {
    let refuse = true;
    atlas.handle((req, res, raw) => {
      if (refuse && req.path === "/api/oauth/token") return void sendJson(res, 400, { error: "invalid_request" });
      if (oauth.handle(req, res, raw)) return;
      if (oauth.authorize(req, res)) sendJson(res, 200, orgSettings);
    });
    const c = client();
    await expect(getSettings(c)).rejects.toBeInstanceOf(AtlasAuthError);
    refuse = false;
    expect((await getSettings(c)).data).toEqual(orgSettings);
    expect(atlas.requestsTo("/api/oauth/token")).toHaveLength(2);
  });
});

describe("Basic client credentials", () => {
  const decoded = (id: string, secret: string) => Buffer.from(basicCredentials(id, secret), "base64").toString("latin1");

  it("sends Atlas's id and secret characters as they are, like `curl --user id:secret`", () => {
    expect(decoded(CLIENT_ID, CLIENT_SECRET)).toBe(`${CLIENT_ID}:${CLIENT_SECRET}`);
    expect(decoded("a-b_c.d~e", "x")).toBe("a-b_c.d~e:x");
  });

  it("escapes what would break the id:secret split or the header (RFC 6749 section 2.3.1)", () => {
    expect(decoded("id:with:colons", "p@ss w/rd!*'()é")).toBe("id%3Awith%3Acolons:p%40ss+w%2Frd%21%2A%27%28%29%C3%A9");
  });
});

describe("bearer token obtained elsewhere", () => {
  it("sends it as Authorization: Bearer and close() sends nothing", async () => {
    atlas.handle((_req, res) => sendJson(res, 200, orgSettings));
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, auth: { accessToken: "eyJ-external-token" } });
    await getSettings(c);
    await c.close();
    expect(atlas.requests.map((r) => [r.path, r.headers.authorization])).toEqual([[`/api/atlas/v2/orgs/${ORG_ID}/settings`, "Bearer eyJ-external-token"]]);
  });
});
