import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AtlasPathParameterError, createAtlasClient } from "../../src/index.js";
import { GROUP_ID, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

let atlas: MockAtlas;
beforeAll(async () => {
  atlas = await startMockAtlas((_req, res) => res.writeHead(204).end());
});
afterAll(() => atlas.close());
beforeEach(() => {
  atlas.requests.length = 0;
});

const client = () => createAtlasClient({ baseUrl: atlas.baseUrl, retry: { maxAttempts: 1 } });
const deleteArchive = (clusterName: unknown, extra: Record<string, unknown> = {}) =>
  client().DELETE("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/onlineArchives/{archiveId}", {
    params: { path: { groupId: GROUP_ID, clusterName: clusterName as string, archiveId: "5f4d6c0e9a1b2c3d4e5f6a7b", ...extra } },
  });
const pathWith = (segment: string) => `/api/atlas/v2/groups/${GROUP_ID}/clusters/${segment}/onlineArchives/5f4d6c0e9a1b2c3d4e5f6a7b`;

describe("hostile path parameters", () => {
  it.each([
    ["../x", "..%2Fx"],
    ["a/b", "a%2Fb"],
    ["..%2f..", "..%252f.."],
    ["%2e%2e", "%252e%252e"],
    ["x?admin=true", "x%3Fadmin%3Dtrue"],
    ["x#frag", "x%23frag"],
    ["a b", "a%20b"],
    ["Cluster0", "Cluster0"],
  ])("%j is encoded into one segment (%s)", async (value, encoded) => {
    const { response } = await deleteArchive(value);
    expect(response.status).toBe(204);
    expect(atlas.requests.map((r) => r.url)).toEqual([pathWith(encoded)]);
  });

  it.each([
    ["..", /must not be "\.\."/],
    [".", /must not be "\."/],
    ["", /must not be ""/],
    ["x\r\nX-Injected: 1", /must not contain control characters/],
    ["x\nHost: evil.example", /must not contain control characters/],
    ["nul\u0000", /must not contain control characters/],
    ["\ud800", /not well-formed Unicode/],
    [{ toString: (): string => "x" }, /must be a string/],
    [undefined, /is required/],
  ])("%j is rejected before anything is sent", async (value, problem) => {
    const failure = await deleteArchive(value).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasPathParameterError);
    expect(failure).toMatchObject({ name: "AtlasPathParameterError", parameter: "clusterName" });
    expect((failure as Error).message).toMatch(/^Invalid path parameter clusterName: /);
    expect((failure as Error).message).toMatch(problem);
    expect(atlas.requests).toHaveLength(0);
  });

  it("rejects a parameter the path does not have", async () => {
    await expect(deleteArchive("Cluster0", { tenant: "x" })).rejects.toMatchObject({ parameter: "tenant", message: expect.stringMatching(/not a parameter of this path/) });
    expect(atlas.requests).toHaveLength(0);
  });

  it("rejects a call without params.path", async () => {
    const c = client();
    const untyped = c.GET as unknown as (path: string, init?: object) => Promise<unknown>;
    await expect(untyped("/api/atlas/v2/groups/{groupId}/backupCompliancePolicy")).rejects.toMatchObject({ name: "AtlasPathParameterError", parameter: "groupId" });
    await expect(untyped("/api/atlas/v2/groups/{groupId}/backupCompliancePolicy", { params: {} })).rejects.toMatchObject({ parameter: "groupId" });
    expect(atlas.requests).toHaveLength(0);
  });

  it("encodes query parameters too, so they cannot add parameters or headers", async () => {
    atlas.handle((_req, res) => sendJson(res, 200, { cloudProvider: "aws" }));
    await client().GET("/api/atlas/v2/groups/{groupId}/streams/accountDetails", {
      params: { path: { groupId: GROUP_ID }, query: { cloudProvider: "aws", regionName: "US&admin=true\r\nX: y" } },
    });
    const url = new URL(atlas.requests[0]!.url, atlas.baseUrl);
    expect([...url.searchParams.keys()]).toEqual(["cloudProvider", "regionName"]);
    expect(url.searchParams.get("regionName")).toBe("US&admin=true\r\nX: y");
    expect(atlas.requests[0]!.headers.x).toBeUndefined();
  });
});
