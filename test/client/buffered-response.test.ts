/**
 * The exchange reads each body into memory and hands up a BufferedResponse (cheaper than a new
 * Response read back through a stream): it must behave like the Response it stands for.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAtlasClient } from "../../src/index.js";
import { BufferedResponse } from "../../src/transport/buffered-response.js";
import { ORG_ID, orgSettings, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

const buffered = (body: string, init: ResponseInit = {}) => BufferedResponse.from(new Response(body, { headers: { "content-type": "text/plain" }, ...init }));

describe("BufferedResponse", () => {
  it("is a Response with the original's status, headers and body, read once", async () => {
    const response = await buffered("héllo", { status: 201, statusText: "Created" });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.headers.get("content-type"), response.bodyUsed]).toEqual([201, "Created", true, "text/plain", false]);
    expect(await response.text()).toBe("héllo");
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it("reads as JSON, bytes, ArrayBuffer, Blob, a stream, and through clones", async () => {
    const json = await buffered('{"a":1}');
    const copy = json.clone();
    expect(await json.json()).toEqual({ a: 1 });
    expect(new TextDecoder().decode(await copy.arrayBuffer())).toBe('{"a":1}');
    expect(await (await (await buffered("blob")).blob()).text()).toBe("blob");
    const streamed = await buffered("stream");
    expect(await new Response(streamed.body).text()).toBe("stream");
    expect(streamed.bodyUsed).toBe(true);
  });

  it("has a null body for a 304", async () => {
    const response = await BufferedResponse.from(new Response(null, { status: 304 }));
    expect([response.status, response.body, await response.text()]).toEqual([304, null, ""]);
  });
});

describe("responses handed back by the client", () => {
  let atlas: MockAtlas;
  beforeEach(async () => {
    atlas = await startMockAtlas((_req, res) => sendJson(res, 200, orgSettings));
  });
  afterEach(() => atlas.close());
  const client = () => createAtlasClient({ baseUrl: atlas.baseUrl });
  const params = { path: { orgId: ORG_ID } };

  it.each([
    ["text", JSON.stringify(orgSettings)],
    ["arrayBuffer", JSON.stringify(orgSettings)],
    ["blob", JSON.stringify(orgSettings)],
    ["stream", JSON.stringify(orgSettings)],
  ] as const)("parseAs %s gives the body as that", async (parseAs, expected) => {
    const { data } = await client().GET("/api/atlas/v2/orgs/{orgId}/settings", { params, parseAs });
    expect(await new Response(data as BodyInit).text()).toBe(expected);
  });

  it("a middleware can read a clone of the response body", async () => {
    const c = client();
    const seen: string[] = [];
    c.use({ onResponse: async ({ response }) => void seen.push(await response.clone().text()) });
    const { data, response } = await c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params });
    expect(data).toEqual(orgSettings);
    expect(seen).toEqual([JSON.stringify(orgSettings)]);
    expect(response.url).toBe(`${atlas.baseUrl}/api/atlas/v2/orgs/${ORG_ID}/settings`);
  });
});
