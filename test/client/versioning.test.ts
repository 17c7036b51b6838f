import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAtlasClient, operationMediaTypes } from "../../src/index.js";
import { documentView } from "../../scripts/openapi/schema-views.js";
import { baseRequest } from "../support/base-request.js";
import { listOperations, readBundledDocument } from "../support/bundled-document.js";
import { mediaTypesOf } from "../support/contract-client.js";
import { PatternPool } from "../support/instances.js";
import { ORG_ID, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

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
const V2023 = "application/vnd.atlas.2023-01-01+json";

// Every operation of the document, each called with a valid request made from the document's examples.
const doc = readBundledDocument();
const requestView = documentView(doc, "request");
const pool = PatternPool.fromDocument(doc);
const operations = listOperations(doc);

describe("versioned media types", () => {
  it("covers every operation of the document", () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(operationMediaTypes).sort());
  });

  // Two versions spelled out, so that a change of the document's versions shows up here too.
  it("sends the versions the pages show", () => {
    expect(operationMediaTypes.getAccountDetails.accept).toBe("application/vnd.atlas.2024-11-13+json");
    expect(operationMediaTypes.getDataProtectionSettings.accept).toBe("application/vnd.atlas.2023-10-01+json");
    expect(operationMediaTypes.createProject).toMatchObject({ accept: V2023, contentType: V2023 });
  });

  for (const op of operations) {
    const { accept, contentType } = mediaTypesOf(op);
    it(`${op.operationId}: Accept ${accept}${contentType ? `, Content-Type ${contentType}` : ", no Content-Type"}`, async () => {
      const spec = baseRequest(requestView, op, pool);
      const init = { params: { path: spec.path, query: spec.query }, ...(spec.body === undefined ? {} : { body: spec.body }) };
      // The operation comes from the document at run time, so its path and init cannot be typed statically.
      const { error } = await client().request(op.method, op.path as never, init as never);
      expect(error).toBeUndefined();
      const [sent] = atlas.requests;
      expect(sent?.method).toBe(op.method.toUpperCase());
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
    await client().GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
    expect(atlas.requests[0]?.headers["user-agent"]).toBe(`${name}/${version} node/${process.versions.node} my-app/1.2`);
  });

  it("leaves the caller's part out when none is given", async () => {
    await createAtlasClient({ baseUrl: atlas.baseUrl }).GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
    expect(atlas.requests[0]?.headers["user-agent"]).toMatch(/^atlas-admin-openapi\/\d+\.\d+\.\d+\S* node\/\S+$/);
  });
});
