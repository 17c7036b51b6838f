import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AtlasTimeoutError, createAtlasClient } from "../../src/index.js";
import { answerLater, ORG_ID, orgSettings, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

/** Generous enough that a loaded CI machine still connects in time; stalls below last 2 s. */
const TIMEOUT_MS = 250;

let atlas: MockAtlas;
beforeEach(async () => {
  atlas = await startMockAtlas();
});
afterEach(() => atlas.close());

const client = (maxAttempts = 2) => createAtlasClient({ baseUrl: atlas.baseUrl, timeoutMs: TIMEOUT_MS, retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 2 } });
const get = (c = client(), init: { signal?: AbortSignal } = {}) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } }, ...init });

describe("timeouts", () => {
  it("rejects with AtlasTimeoutError when headers do not arrive in time, after retrying a GET", async () => {
    atlas.handle((_req, res, raw) => answerLater(raw, 2_000, () => sendJson(res, 200, orgSettings)));
    const failure = await get().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasTimeoutError);
    expect(failure).toMatchObject({ name: "AtlasTimeoutError", timeoutMs: TIMEOUT_MS, attempts: 2 });
    expect((failure as Error).message).toBe(`GET ${atlas.baseUrl}/api/atlas/v2/orgs/${ORG_ID}/settings timed out after ${TIMEOUT_MS} ms`);
    expect(atlas.requests).toHaveLength(2);
  });

  it("covers the body too: headers then a stall is a timeout", async () => {
    atlas.handle((_req, res, raw) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"apiAccessListRequired":');
      answerLater(raw, 2_000, () => res.end());
    });
    await expect(get(client(1))).rejects.toBeInstanceOf(AtlasTimeoutError);
  });

  it("succeeds when a retry answers in time", async () => {
    let calls = 0;
    atlas.handle((_req, res, raw) => answerLater(raw, calls++ === 0 ? 2_000 : 0, () => sendJson(res, 200, orgSettings)));
    expect((await get()).data).toEqual(orgSettings);
  });

  it("never re-sends a POST that timed out", async () => {
    atlas.handle((_req, res, raw) => answerLater(raw, 2_000, () => sendJson(res, 200, {})));
    const failure = await client(3)
      .POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "AtlasTimeoutError", attempts: 1 });
    expect(atlas.requests).toHaveLength(1);
  });

  it("passes the caller's own abort through untouched and does not retry it", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    // Abort once the server holds the request (a fixed delay flaked on a loaded machine: sometimes nothing was sent yet).
    atlas.handle((_req, res, raw) => {
      answerLater(raw, 2_000, () => sendJson(res, 200, orgSettings));
      controller.abort(reason);
    });
    const c = createAtlasClient({ baseUrl: atlas.baseUrl, timeoutMs: 1_000, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(get(c, { signal: controller.signal })).rejects.toBe(reason);
    expect(atlas.requests).toHaveLength(1);
  });
});
