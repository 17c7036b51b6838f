import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AtlasError, AtlasInvalidResponseError, AtlasNetworkError, createAtlasClient, UNEXPECTED_RESPONSE } from "../../src/index.js";
import { GROUP_ID, ORG_ID, sendJson, sendText, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

let atlas: MockAtlas;
beforeEach(async () => {
  atlas = await startMockAtlas();
});
afterEach(() => atlas.close());

const client = () => createAtlasClient({ baseUrl: atlas.baseUrl, retry: { maxAttempts: 1 } });
const get = (c = client()) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });

describe("error shapes", () => {
  it("passes an ApiError body through as error", async () => {
    const apiError = {
      error: 400,
      errorCode: "INVALID_ATTRIBUTE",
      reason: "Bad Request",
      detail: "Invalid attribute name specified.",
      parameters: [{}],
      badRequestDetail: { fields: [{ field: "name", description: "must not be blank" }] },
    };
    atlas.handle((_req, res) => sendJson(res, 400, apiError));
    const { data, error, response } = await get();
    expect(data).toBeUndefined();
    expect(error).toEqual(apiError);
    expect(response.status).toBe(400);
  });

  it.each([
    ["an HTML page", 503, "text/html", `<html><body>${"x".repeat(300)}</body></html>`, "Service Unavailable"],
    ["an empty body", 502, "text/plain", "", "Bad Gateway"],
    ["JSON that is not an ApiError", 500, "application/json", '{"message":"upstream exploded"}', "Internal Server Error"],
    ["plain text", 418, "text/plain", "short and stout", "I'm a Teapot"],
  ])("turns %s into an UNEXPECTED_RESPONSE ApiError", async (_what, status, contentType, body, reason) => {
    atlas.handle((_req, res) => sendText(res, status, body, contentType));
    const { error, response } = await get();
    expect(response.status).toBe(status);
    expect(error).toEqual({ error: status, errorCode: UNEXPECTED_RESPONSE, reason, detail: body.slice(0, 200) });
  });

  it("an empty error without Content-Length still yields an error object", async () => {
    atlas.handle((_req, res) => res.writeHead(503).end());
    const { error } = await get();
    expect(error).toMatchObject({ error: 503, errorCode: UNEXPECTED_RESPONSE, detail: "" });
  });

  it("a 204 gives neither data nor error", async () => {
    atlas.handle((_req, res) => res.writeHead(204).end());
    const { data, error, response } = await client().DELETE("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/onlineArchives/{archiveId}", {
      params: { path: { groupId: GROUP_ID, clusterName: "Cluster0", archiveId: "5f4d6c0e9a1b2c3d4e5f6a7b" } },
    });
    expect([data, error, response.status]).toEqual([undefined, undefined, 204]);
  });

  it("a 200 with an HTML body rejects with AtlasInvalidResponseError", async () => {
    atlas.handle((_req, res) => sendText(res, 200, "<html>captive portal</html>"));
    const failure = await get().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasInvalidResponseError);
    expect(failure).toMatchObject({ name: "AtlasInvalidResponseError", status: 200, contentType: "text/html", detail: "<html>captive portal</html>" });
  });

  it("keeps response.url on the response it hands back", async () => {
    atlas.handle((_req, res) => sendJson(res, 404, { error: 404, errorCode: "NOT_FOUND" }));
    const { response } = await get();
    expect(response.url).toBe(`${atlas.baseUrl}/api/atlas/v2/orgs/${ORG_ID}/settings`);
  });
});

describe("transport failures", () => {
  it("a refused connection rejects with AtlasNetworkError carrying the code", async () => {
    // Take a free port, then close it so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const c = createAtlasClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const failure = await get(c).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasNetworkError);
    expect(failure).toBeInstanceOf(AtlasError);
    expect(failure).toMatchObject({ name: "AtlasNetworkError", code: "ECONNREFUSED", attempts: 2 });
    expect((failure as Error).message).toBe(`GET http://127.0.0.1:${port}/api/atlas/v2/orgs/${ORG_ID}/settings failed: ECONNREFUSED`);
  });
});
