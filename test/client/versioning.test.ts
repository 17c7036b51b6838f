import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAtlasClient, operationMediaTypes } from "../../src/index.js";
import { GROUP_ID, ORG_ID, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

let atlas: MockAtlas;
beforeAll(async () => {
  atlas = await startMockAtlas((req, res) => {
    if (req.method === "DELETE") return void res.writeHead(204).end();
    sendJson(res, 200, {}, { "content-type": String(req.headers.accept) });
  });
});
afterAll(() => atlas.close());
beforeEach(() => {
  atlas.requests.length = 0;
});

const client = () => createAtlasClient({ baseUrl: atlas.baseUrl, userAgent: "my-app/1.2" });
const FEDERATION_ID = "55fa922fb343282757d9554e";
const V2023 = "application/vnd.atlas.2023-01-01+json";

/** One call per operation of the document, keyed by operationId. */
const calls = {
  createProject: (c: ReturnType<typeof client>) => c.POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } }),
  deleteOnlineArchive: (c: ReturnType<typeof client>) =>
    c.DELETE("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/onlineArchives/{archiveId}", {
      params: { path: { groupId: GROUP_ID, clusterName: "Cluster0", archiveId: "5f4d6c0e9a1b2c3d4e5f6a7b" } },
    }),
  getAccountDetails: (c: ReturnType<typeof client>) =>
    c.GET("/api/atlas/v2/groups/{groupId}/streams/accountDetails", {
      params: { path: { groupId: GROUP_ID }, query: { cloudProvider: "aws", regionName: "US_EAST_1" } },
    }),
  getDataProtectionSettings: (c: ReturnType<typeof client>) =>
    c.GET("/api/atlas/v2/groups/{groupId}/backupCompliancePolicy", { params: { path: { groupId: GROUP_ID } } }),
  getOrganizationSettings: (c: ReturnType<typeof client>) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } }),
  updateConnectedOrgConfig: (c: ReturnType<typeof client>) =>
    c.PATCH("/api/atlas/v2/federationSettings/{federationSettingsId}/connectedOrgConfigs/{orgId}", {
      params: { path: { federationSettingsId: FEDERATION_ID, orgId: ORG_ID } },
      body: { domainRestrictionEnabled: true },
    }),
} as const;

describe("versioned media types", () => {
  it("covers every operation of the document", () => {
    expect(Object.keys(calls).sort()).toEqual(Object.keys(operationMediaTypes).sort());
  });

  // The expected values are the document's, spelled out so a change to the document shows up here.
  const expected: Record<keyof typeof calls, { accept: string; contentType?: string }> = {
    createProject: { accept: V2023, contentType: V2023 },
    deleteOnlineArchive: { accept: V2023 },
    getAccountDetails: { accept: "application/vnd.atlas.2024-11-13+json" },
    getDataProtectionSettings: { accept: "application/vnd.atlas.2023-10-01+json" },
    getOrganizationSettings: { accept: V2023 },
    updateConnectedOrgConfig: { accept: V2023, contentType: V2023 },
  };

  for (const [operationId, call] of Object.entries(calls)) {
    const { accept, contentType } = expected[operationId as keyof typeof calls];
    it(`${operationId}: Accept ${accept}${contentType ? `, Content-Type ${contentType}` : ", no Content-Type"}`, async () => {
      const { error } = await call(client());
      expect(error).toBeUndefined();
      const [sent] = atlas.requests;
      expect(sent?.method).toBe(operationMediaTypes[operationId as keyof typeof calls].method);
      expect(sent?.headers.accept).toBe(accept);
      expect(sent?.headers["content-type"]).toBe(contentType);
    });
  }

  it("lets a call override Accept and Content-Type", async () => {
    const other = "application/vnd.atlas.2025-03-12+json";
    await client().POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID }, headers: { Accept: other, "Content-Type": other } });
    expect(atlas.requests[0]?.headers.accept).toBe(other);
    expect(atlas.requests[0]?.headers["content-type"]).toBe(other);
  });
});

describe("User-Agent", () => {
  it("names the package and its version from package.json, then the caller's userAgent", async () => {
    const { name, version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    await calls.getOrganizationSettings(client());
    expect(atlas.requests[0]?.headers["user-agent"]).toBe(`${name}/${version} node/${process.versions.node} my-app/1.2`);
  });

  it("leaves the caller's part out when none is given", async () => {
    await createAtlasClient({ baseUrl: atlas.baseUrl }).GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
    expect(atlas.requests[0]?.headers["user-agent"]).toMatch(/^atlas-admin-openapi\/\d+\.\d+\.\d+\S* node\/\S+$/);
  });
});
