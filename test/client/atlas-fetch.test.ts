/**
 * createAtlasFetch: the client's transport as a plain fetch for generated clients. It must version
 * each request of ours (Accept, and Content-Type with a body) unless the caller chose a version,
 * authenticate with each kind of credential, send credentials only to baseUrl, and stop after close().
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AtlasClientClosedError, AtlasConfigError, createAtlasFetch, mediaTypesForRequest } from "../../src/index.js";
import { DigestServer } from "./helpers/digest-server.js";
import { createdProject, ORG_ID, ORG_SETTINGS, orgSettings, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";
import { OAuthServer } from "./helpers/oauth-server.js";

let atlas: MockAtlas;
const PROJECT = { name: "p", orgId: ORG_ID };

beforeEach(async () => {
  atlas = await startMockAtlas((req, res) => sendJson(res, 200, req.method === "POST" ? createdProject : orgSettings, { "content-type": "application/vnd.atlas.2023-01-01+json" }));
});
afterEach(() => atlas.close());

describe("mediaTypesForRequest", () => {
  it("finds an operation by method and concrete path", () => {
    expect(mediaTypesForRequest("get", ORG_SETTINGS)).toEqual(expect.objectContaining({ accept: "application/vnd.atlas.2023-01-01+json" }));
    expect(mediaTypesForRequest("POST", "/api/atlas/v2/groups")).toEqual(expect.objectContaining({ contentType: "application/vnd.atlas.2023-01-01+json" }));
  });

  it("finds nothing for another method, a longer path or an empty path segment", () => {
    expect(mediaTypesForRequest("DELETE", ORG_SETTINGS)).toBeUndefined();
    expect(mediaTypesForRequest("GET", `${ORG_SETTINGS}/more`)).toBeUndefined();
    expect(mediaTypesForRequest("GET", "/api/atlas/v2/orgs//settings")).toBeUndefined();
  });
});

describe("createAtlasFetch", () => {
  it("sends the versioned Accept and Content-Type, replacing the generic JSON ones generators set", async () => {
    const atlasFetch = createAtlasFetch({ baseUrl: atlas.baseUrl, auth: { accessToken: "tok" } });
    await atlasFetch(`${atlas.baseUrl}${ORG_SETTINGS}`);
    await atlasFetch(`${atlas.baseUrl}/api/atlas/v2/groups`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(PROJECT) });
    expect(atlas.requests.map((r) => [r.headers.accept, r.headers["content-type"], r.headers.authorization])).toEqual([
      ["application/vnd.atlas.2023-01-01+json", undefined, "Bearer tok"],
      ["application/vnd.atlas.2023-01-01+json", "application/vnd.atlas.2023-01-01+json", "Bearer tok"],
    ]);
    expect(atlas.requests[1]?.body).toBe(JSON.stringify(PROJECT));
    expect(atlas.requests[0]?.headers["user-agent"]).toMatch(/^atlas-admin-openapi\/\S+ node\//);
  });

  it("versions a string body sent without a Content-Type (which Request would make text/plain)", async () => {
    const atlasFetch = createAtlasFetch({ baseUrl: atlas.baseUrl, auth: { accessToken: "tok" } });
    await atlasFetch(`${atlas.baseUrl}/api/atlas/v2/groups`, { method: "POST", body: JSON.stringify(PROJECT) });
    expect(atlas.requests[0]?.headers["content-type"]).toBe("application/vnd.atlas.2023-01-01+json");
  });

  it("keeps a version the caller asked for", async () => {
    const atlasFetch = createAtlasFetch({ baseUrl: atlas.baseUrl, auth: { accessToken: "tok" } });
    await atlasFetch(`${atlas.baseUrl}${ORG_SETTINGS}`, { headers: { Accept: "application/vnd.atlas.2025-03-12+json" } });
    expect(atlas.requests[0]?.headers.accept).toBe("application/vnd.atlas.2025-03-12+json");
  });

  it("answers a digest challenge with an API key", async () => {
    const digest = new DigestServer("public", "private-secret");
    atlas.handle((req, res) => {
      if (digest.authorize(req, res)) sendJson(res, 200, orgSettings, { "content-type": "application/vnd.atlas.2023-01-01+json" });
    });
    const atlasFetch = createAtlasFetch({ baseUrl: atlas.baseUrl, auth: { publicKey: "public", privateKey: "private-secret" } });
    const response = await atlasFetch(`${atlas.baseUrl}${ORG_SETTINGS}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(orgSettings);
    expect(digest.challenges).toBe(1);
    expect(digest.accepted).toHaveLength(1);
  });

  it("gets, uses and on close() revokes a service account token", async () => {
    const oauth = new OAuthServer("client-id", "client-secret");
    atlas.handle((req, res, raw) => {
      if (oauth.handle(req, res, raw)) return;
      sendJson(res, 200, orgSettings, { "content-type": "application/vnd.atlas.2023-01-01+json" });
    });
    const atlasFetch = createAtlasFetch({ baseUrl: atlas.baseUrl, auth: { clientId: "client-id", clientSecret: "client-secret" } });
    expect((await atlasFetch(`${atlas.baseUrl}${ORG_SETTINGS}`)).status).toBe(200);
    expect(atlas.requestsTo(ORG_SETTINGS)[0]?.headers.authorization).toBe(`Bearer ${oauth.issued[0]}`);
    await atlasFetch.close();
    expect(oauth.revoked).toEqual(oauth.issued);
    await expect(atlasFetch(`${atlas.baseUrl}${ORG_SETTINGS}`)).rejects.toBeInstanceOf(AtlasClientClosedError);
  });

  it("refuses a request for another origin before sending, naming baseUrl and never the token", async () => {
    const atlasFetch = createAtlasFetch({ baseUrl: atlas.baseUrl, auth: { accessToken: "secret-token" } });
    const attempt = atlasFetch(`http://127.0.0.2:1${ORG_SETTINGS}`);
    await expect(attempt).rejects.toBeInstanceOf(AtlasConfigError);
    await expect(attempt).rejects.toMatchObject({ field: "baseUrl", message: expect.not.stringContaining("secret-token") });
    // Same server, other host name: still not baseUrl.
    await expect(atlasFetch(`${atlas.baseUrl.replace("127.0.0.1", "localhost")}${ORG_SETTINGS}`)).rejects.toBeInstanceOf(AtlasConfigError);
    expect(atlas.requests).toHaveLength(0);
  });

  it("validates its options like createAtlasClient", () => {
    expect(() => createAtlasFetch({ baseUrl: "ftp://x" })).toThrow(AtlasConfigError);
  });
});
