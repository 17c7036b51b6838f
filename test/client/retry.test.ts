import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AtlasConfigError, AtlasNetworkError, createAtlasClient } from "../../src/index.js";
import { backoffDelay, parseRetryAfter, withRetries } from "../../src/transport/retry.js";
import { createdProject, GROUP_ID, ORG_ID, orgSettings, resetConnection, sendJson, sendText, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

const HTML_503 = `<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>${"<p>The service is temporarily unavailable. Please try again later.</p>".repeat(5)}</body></html>`;

type Fault = (res: ServerResponse, raw: Parameters<typeof resetConnection>[0]) => void;
const faults: Record<string, Fault> = {
  "429 with Retry-After": (res) => sendJson(res, 429, { error: 429, errorCode: "RATE_LIMITED", reason: "Too Many Requests" }, { "retry-after": "0" }),
  "502 empty body": (res) => res.writeHead(502, { "content-length": "0" }).end(),
  "503 HTML page": (res) => sendText(res, 503, HTML_503),
  "504 gateway timeout": (res) => sendText(res, 504, "upstream timed out", "text/plain"),
  "connection reset": (_res, raw) => resetConnection(raw),
};

let atlas: MockAtlas;
/** Answers the first `failures` API requests with `fault`, then succeeds. */
function failFirst(failures: number, fault: Fault) {
  let seen = 0;
  atlas.handle((req, res, raw) => {
    if (seen++ < failures) return fault(res, raw);
    if (req.method === "DELETE") return void res.writeHead(204).end();
    sendJson(res, 200, req.method === "GET" ? orgSettings : createdProject);
  });
}

beforeEach(async () => {
  atlas = await startMockAtlas();
});
afterEach(() => atlas.close());

const client = (maxAttempts = 3) => createAtlasClient({ baseUrl: atlas.baseUrl, retry: { maxAttempts, baseDelayMs: 1, maxDelayMs: 5 } });
const get = (c = client()) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
const post = (c = client()) => c.POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } });
const patch = (c = client()) =>
  c.PATCH("/api/atlas/v2/federationSettings/{federationSettingsId}/connectedOrgConfigs/{orgId}", {
    params: { path: { federationSettingsId: "55fa922fb343282757d9554e", orgId: ORG_ID } },
    body: { domainRestrictionEnabled: false },
  });
const del = (c = client()) =>
  c.DELETE("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/onlineArchives/{archiveId}", {
    params: { path: { groupId: GROUP_ID, clusterName: "Cluster0", archiveId: "5f4d6c0e9a1b2c3d4e5f6a7b" } },
  });

describe("retry matrix", () => {
  for (const [name, fault] of Object.entries(faults)) {
    it(`GET: retried after ${name}`, async () => {
      failFirst(2, fault);
      const { data, error } = await get();
      expect(error).toBeUndefined();
      expect(data).toEqual(orgSettings);
      expect(atlas.requests).toHaveLength(3);
    });

    it(`DELETE: retried after ${name}`, async () => {
      failFirst(1, fault);
      const { data, error, response } = await del();
      expect([response.status, data, error]).toEqual([204, undefined, undefined]);
      expect(atlas.requests).toHaveLength(2);
    });

    it(`POST: sent once despite ${name}`, async () => {
      failFirst(1, fault);
      const outcome = await post().catch((e: unknown) => e);
      expect(atlas.requests).toHaveLength(1);
      if (name === "connection reset") expect(outcome).toBeInstanceOf(AtlasNetworkError);
      else expect((outcome as { error?: unknown }).error).toBeDefined();
    });

    it(`PATCH: sent once despite ${name}`, async () => {
      failFirst(1, fault);
      await patch().catch((e: unknown) => e);
      expect(atlas.requests).toHaveLength(1);
    });
  }

  it("gives up after maxAttempts and returns the last error response", async () => {
    failFirst(Infinity, faults["503 HTML page"]!);
    const { error, response } = await get();
    expect(response.status).toBe(503);
    expect(error).toEqual({ error: 503, errorCode: "UNEXPECTED_RESPONSE", reason: "Service Unavailable", detail: HTML_503.slice(0, 200) });
    expect(atlas.requests).toHaveLength(3);
  });

  it("gives up after maxAttempts on network failures with AtlasNetworkError counting the attempts", async () => {
    failFirst(Infinity, faults["connection reset"]!);
    const failure = await get(client(4)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AtlasNetworkError);
    expect(failure).toMatchObject({ name: "AtlasNetworkError", attempts: 4, request: { method: "GET" } });
    expect(atlas.requests).toHaveLength(4);
  });

  it("does not retry other errors (500, 404)", async () => {
    for (const status of [500, 404]) {
      atlas.requests.length = 0;
      atlas.handle((_req, res) => sendJson(res, status, { error: status, errorCode: "X" }));
      expect((await get()).response.status).toBe(status);
      expect(atlas.requests).toHaveLength(1);
    }
  });

  it("maxAttempts: 1 sends every request once", async () => {
    failFirst(1, faults["503 HTML page"]!);
    expect((await get(client(1))).response.status).toBe(503);
    expect(atlas.requests).toHaveLength(1);
  });

  it("retries a 429 with an HTTP-date Retry-After", async () => {
    failFirst(1, (res) => sendJson(res, 429, { error: 429, errorCode: "RATE_LIMITED" }, { "retry-after": new Date(Date.now() - 1000).toUTCString() }));
    expect((await get()).data).toEqual(orgSettings);
    expect(atlas.requests).toHaveLength(2);
  });
});

describe("backoff delays", () => {
  const options = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  /** Runs `withRetries` over canned responses and records the waits it asks for. */
  async function delaysFor(responses: Array<Response | Error>, random = () => 1, now = () => 0) {
    const waits: number[] = [];
    let i = 0;
    const send = withRetries(
      async () => {
        const next = responses[Math.min(i++, responses.length - 1)]!;
        if (next instanceof Error) throw next;
        return next.clone();
      },
      options,
      { sleep: async (ms) => void waits.push(ms), random, now },
    );
    const final = await send(new Request("http://127.0.0.1/x")).catch((e: unknown) => e);
    return { waits, final, sends: i };
  }

  it("honours Retry-After in seconds, capped by maxDelayMs", async () => {
    const r429 = (after: string) => new Response(null, { status: 429, headers: { "retry-after": after } });
    expect((await delaysFor([r429("0"), r429("2"), new Response("ok")])).waits).toEqual([0, 1000]);
    expect((await delaysFor([r429("1"), new Response("ok")])).waits).toEqual([1000]);
  });

  it("honours Retry-After as an HTTP-date", async () => {
    const at = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    const r = new Response(null, { status: 503, headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" } });
    expect((await delaysFor([r, new Response("ok")], () => 1, () => at - 300)).waits).toEqual([300]);
  });

  it("uses exponential backoff with full jitter otherwise", async () => {
    const r503 = new Response(null, { status: 503 });
    expect((await delaysFor([r503], () => 1)).waits).toEqual([100, 200, 400, 800]);
    expect((await delaysFor([r503], () => 0.5)).waits).toEqual([50, 100, 200, 400]);
    expect((await delaysFor([r503], () => 0)).waits).toEqual([0, 0, 0, 0]);
    expect(backoffDelay(10, options, () => 1)).toBe(1000);
  });

  it("ignores an unreadable Retry-After", () => {
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter(" 3 ", 0)).toBe(3000);
  });

  it("does not retry an error it does not know to be transient", async () => {
    const { sends, final } = await delaysFor([new TypeError("bug")]);
    expect(sends).toBe(1);
    expect(final).toBeInstanceOf(TypeError);
  });
});

describe("retry options", () => {
  it.each([
    [{ maxAttempts: 0 }, "retry.maxAttempts"],
    [{ maxAttempts: 2.5 }, "retry.maxAttempts"],
    [{ baseDelayMs: -1 }, "retry.baseDelayMs"],
    [{ maxDelayMs: Number.NaN }, "retry.maxDelayMs"],
    [{ baseDelayMs: 100, maxDelayMs: 10 }, "retry.maxDelayMs"],
    [{ attempts: 3 }, "retry.attempts"],
  ])("%j is rejected naming %s", (retry, field) => {
    expect(() => createAtlasClient({ retry: retry as never })).toThrow(AtlasConfigError);
    expect(() => createAtlasClient({ retry: retry as never })).toThrow(new RegExp(`Invalid option ${field.replace(".", "\\.")}`));
  });
});
