/**
 * Redirects (issue 12, part 2): followed only within the configured origin, at most 5, never from
 * https to http, never turning a POST/PATCH into a GET; a second loopback server is the other origin.
 */
import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AtlasRedirectError, createAtlasClient, type AtlasAuth, type AtlasClient } from "../../src/index.js";
import { DigestServer } from "./helpers/digest-server.js";
import { createdProject, ORG_ID, orgSettings, sendJson, startMockAtlas, type MockAtlas, type RecordedRequest } from "./helpers/mock-atlas.js";
import { OAuthServer } from "./helpers/oauth-server.js";

const SETTINGS = `/api/atlas/v2/orgs/${ORG_ID}/settings`;
const MOVED = `/api/atlas/v2/orgs/${ORG_ID}/settings?moved=1`;
const FEDERATION = "/api/atlas/v2/federationSettings/55fa922fb343282757d9554e/connectedOrgConfigs/" + ORG_ID;
const ACCESS_TOKEN = "eyJ-redirect-bearer-token";

let atlas: MockAtlas;
let other: MockAtlas;

beforeEach(async () => {
  atlas = await startMockAtlas();
  other = await startMockAtlas((_req, res) => sendJson(res, 200, { ...orgSettings, multiFactorAuthRequired: false }));
});
afterEach(async () => {
  await Promise.all([atlas.close(), other.close()]);
});

/** One auth mode: the client options, and the server side that authenticates API calls. */
interface Mode {
  auth: AtlasAuth;
  /** True when `req` is authenticated for its own URL; otherwise answers 401 (or a challenge) itself. */
  authorize(req: RecordedRequest, res: ServerResponse): boolean;
  /** Answers the service account's token endpoint; false for other paths. */
  handleOAuth(req: RecordedRequest, res: ServerResponse, raw: Parameters<OAuthServer["handle"]>[2]): boolean;
  /** The API requests that carried credentials (digest probes without them are left out). */
  authenticated(): RecordedRequest[];
}

const modes: Record<string, () => Mode> = {
  bearer: () => ({
    auth: { accessToken: ACCESS_TOKEN },
    authorize: (req, res) => req.headers.authorization === `Bearer ${ACCESS_TOKEN}` || (sendJson(res, 401, { error: 401, errorCode: "NOT_AUTHORIZED" }), false),
    handleOAuth: () => false,
    authenticated: () => atlas.requestsTo("/api/atlas").filter((r) => r.headers.authorization),
  }),
  "service account": () => {
    const oauth = new OAuthServer("mdb_sa_id_redirect0123456789", "mdb_sa_sk_redirect-secret-0123456789");
    return {
      auth: { clientId: oauth.clientId, clientSecret: oauth.clientSecret },
      authorize: (req, res) => oauth.authorize(req, res),
      handleOAuth: (req, res, raw) => oauth.handle(req, res, raw),
      authenticated: () => atlas.requestsTo("/api/atlas").filter((r) => r.headers.authorization),
    };
  },
  digest: () => {
    const digest = new DigestServer("abcdefgh", "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6");
    return {
      auth: { publicKey: digest.username, privateKey: digest.password },
      authorize: (req, res) => digest.authorize(req, res),
      handleOAuth: () => false,
      authenticated: () => atlas.requestsTo("/api/atlas").filter((r) => r.headers.authorization),
    };
  },
};

/** Serves `route` for authenticated API calls (the token endpoint and challenges are handled first). */
function serve(mode: Mode, route: (req: RecordedRequest, res: ServerResponse) => void): void {
  atlas.handle((req, res, raw) => {
    if (mode.handleOAuth(req, res, raw)) return;
    if (mode.authorize(req, res)) route(req, res);
  });
}

const redirect = (res: ServerResponse, status: number, location: string) => res.writeHead(status, { location, "content-length": "0" }).end();
const clientFor = (mode: Mode) => createAtlasClient({ baseUrl: atlas.baseUrl, auth: mode.auth, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
const getSettings = (c: AtlasClient) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });

for (const [name, makeMode] of Object.entries(modes)) {
  describe(`redirects with ${name} auth`, () => {
    it("a redirect to another origin rejects with AtlasRedirectError naming that origin, without its query string, and sends it nothing", async () => {
      const mode = makeMode();
      serve(mode, (_req, res) => redirect(res, 302, `${other.baseUrl}/steal?sig=query-secret-123`));
      const failure = await getSettings(clientFor(mode)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AtlasRedirectError);
      expect(failure).toMatchObject({ name: "AtlasRedirectError", status: 302, origin: other.baseUrl });
      expect((failure as Error).message).toContain(other.baseUrl);
      expect(JSON.stringify(failure) + String(failure)).not.toContain("query-secret-123");
      expect(other.requests).toHaveLength(0);
    });

    it("a GET redirected within the origin is followed and authenticated for the new URL", async () => {
      const mode = makeMode();
      serve(mode, (req, res) => (req.url === SETTINGS ? redirect(res, 302, MOVED) : sendJson(res, 200, orgSettings)));
      const { data, error, response } = await getSettings(clientFor(mode));
      expect(error).toBeUndefined();
      expect(data).toEqual(orgSettings);
      expect(response.url).toBe(`${atlas.baseUrl}${MOVED}`);
      expect(mode.authenticated().map((r) => r.url)).toEqual([SETTINGS, MOVED]);
    });

    it("a POST answered 307 within the origin is re-sent as a POST with its body", async () => {
      const mode = makeMode();
      serve(mode, (req, res) => (req.url === "/api/atlas/v2/groups" ? redirect(res, 307, "/api/atlas/v2/groups?region=2") : sendJson(res, 200, createdProject)));
      const { data } = await clientFor(mode).POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } });
      expect(data).toEqual(createdProject);
      expect(mode.authenticated().map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
        ["POST", "/api/atlas/v2/groups", { name: "p", orgId: ORG_ID }],
        ["POST", "/api/atlas/v2/groups?region=2", { name: "p", orgId: ORG_ID }],
      ]);
    });
  });
}

describe("redirect rules", () => {
  const bearer = () => createAtlasClient({ baseUrl: atlas.baseUrl, auth: { accessToken: ACCESS_TOKEN }, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  const patch = (c: AtlasClient) =>
    c.PATCH("/api/atlas/v2/federationSettings/{federationSettingsId}/connectedOrgConfigs/{orgId}", {
      params: { path: { federationSettingsId: "55fa922fb343282757d9554e", orgId: ORG_ID } },
      body: { domainRestrictionEnabled: false },
    });

  it.each([301, 302, 303])("a POST answered %i is not turned into a GET: AtlasRedirectError, sent once", async (status) => {
    atlas.handle((_req, res) => redirect(res, status, "/api/atlas/v2/groups/elsewhere"));
    const failure = await bearer()
      .POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasRedirectError);
    expect((failure as Error).message).toMatch(/not turned into a GET/);
    expect(atlas.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("a PATCH answered 308 within the origin is re-sent as a PATCH with its body", async () => {
    atlas.handle((req, res) => (req.url === FEDERATION ? redirect(res, 308, `${FEDERATION}?v=2`) : sendJson(res, 200, { domainRestrictionEnabled: false, orgId: ORG_ID })));
    const { error } = await patch(bearer());
    expect(error).toBeUndefined();
    expect(atlas.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["PATCH", FEDERATION, '{"domainRestrictionEnabled":false}'],
      ["PATCH", `${FEDERATION}?v=2`, '{"domainRestrictionEnabled":false}'],
    ]);
  });

  it("follows at most 5 redirects in a row", async () => {
    atlas.handle((req, res) => redirect(res, 302, `${SETTINGS}?hop=${atlas.requests.length}`));
    const failure = await getSettings(bearer()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasRedirectError);
    expect((failure as Error).message).toMatch(/more than 5 redirects/);
    expect(atlas.requests).toHaveLength(6);
  });

  it("never follows a redirect from https to http, even to the same host", async () => {
    const fetchStub = vi.fn<typeof fetch>(async () => new Response(null, { status: 301, headers: { location: "http://cloud.mongodb.com/api/atlas/v2/x?token=abc" } }));
    const c = createAtlasClient({ auth: { accessToken: ACCESS_TOKEN }, fetch: fetchStub });
    const failure = await getSettings(c).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasRedirectError);
    expect(failure).toMatchObject({ origin: "http://cloud.mongodb.com", status: 301 });
    expect((failure as Error).message).toMatch(/https to http/);
    expect(fetchStub).toHaveBeenCalledTimes(1);
  });

  it("a 3xx without Location is handed back as the response", async () => {
    atlas.handle((_req, res) => res.writeHead(302, { "content-length": "0" }).end());
    const { error, response } = await getSettings(bearer());
    expect(response.status).toBe(302);
    expect(error).toMatchObject({ error: 302, errorCode: "UNEXPECTED_RESPONSE" });
  });
});
