/**
 * The Atlas mock's behaviours besides authentication (docs/mock.md has the table), each checked against
 * the running mock with status, Content-Type and body: versioning, ApiError bodies, responses that follow
 * the request, envelope and pretty, rate limits, and Prefer / stateless for documented examples.
 */
import { spawn } from "node:child_process";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { createAtlasClient } from "../../src/index.js";
import { BEARER, call, CREDENTIALS, fetchToken, GROUP_ID, ORG_ID, ownLayer, SETTINGS, V2023, type Answer } from "../support/atlas-layer.js";
import { listOperations, readBundledDocument } from "../support/bundled-document.js";
import { baseRequest } from "../support/base-request.js";
import { mediaTypesOf, sendRaw } from "../support/contract-client.js";
import { DocumentValidator } from "../support/document-validator.js";
import { PatternPool } from "../support/instances.js";

const MOCK_SCRIPT = fileURLToPath(new URL("../../scripts/serve/mock.ts", import.meta.url));
const baseUrl = inject("mockBaseUrl");
const statelessUrl = inject("mockStatelessBaseUrl");
const validator = new DocumentValidator();
const pool = PatternPool.fromDocument(validator.doc);
const operations = listOperations(validator.doc).map((op) => ({ op, request: baseRequest(validator.views.request, op, pool) }));
const json = (body: unknown) => JSON.stringify(body);
const GROUPS = "/api/atlas/v2/groups";
const CONFIG = `/api/atlas/v2/federationSettings/55fa922fb343282757d9554e/connectedOrgConfigs/${ORG_ID}`;
const POLICY = (groupId: string) => `/api/atlas/v2/groups/${groupId}/backupCompliancePolicy`;
const V20231001 = "application/vnd.atlas.2023-10-01+json";
const unique = () => `mock-test-${Math.random().toString(36).slice(2, 10)}`;
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  call(url, GROUPS, { method: "POST", headers: { authorization: BEARER, accept: V2023, "content-type": V2023, ...headers }, body: typeof body === "string" ? body : json(body) });
const get = (url: string, path: string, accept = V2023, headers: Record<string, string> = {}) => call(url, path, { headers: { authorization: BEARER, accept, ...headers } });

function expectApiError(answer: Answer, status: number, errorCode: string): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.type).toBe("application/json");
  expect(answer.body).toMatchObject({ error: status, errorCode, reason: expect.any(String), detail: expect.any(String) });
}

describe("versioning", () => {
  describe.concurrent.each(operations)("$op.operationId", ({ op, request }) => {
    test("no Accept at all: 406 INVALID_VERSION_DATE", async () => {
      // fetch always sends an Accept (*/*): node:http sends none unless told.
      const path = op.path.replace(/\{([^{}]+)\}/g, (_, name: string) => request.path[name]!);
      const query = new URLSearchParams(request.query as Record<string, string>).toString();
      const answer = await new Promise<{ status?: number; type?: string; text: string }>((resolve, reject) => {
        const body = request.body === undefined ? undefined : json(request.body);
        const sent = httpRequest(`${statelessUrl}${path}${query ? `?${query}` : ""}`, { method: op.method.toUpperCase(), headers: { authorization: BEARER, ...(body ? { "content-type": mediaTypesOf(op).contentType! } : {}) } }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk)).on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], text }));
        });
        sent.on("error", reject).end(body);
      });
      expect(answer.status).toBe(406);
      expect(answer.type).toBe("application/json");
      expect(JSON.parse(answer.text)).toMatchObject({ error: 406, errorCode: "INVALID_VERSION_DATE" });
    });
    test.each([["*/*", "*/*"], ["application/json", "application/json"], ["an unknown version date", "application/vnd.atlas.2001-01-01+json"]])(
      "%s: 406 INVALID_VERSION_DATE",
      async (_, accept) => {
        const answer = await sendRaw(statelessUrl, op, { ...request, headers: accept ? { accept } : {} });
        expect(answer.status).toBe(406);
        expect(answer.contentType).toBe("application/json");
        expect(answer.data).toMatchObject({ error: 406, errorCode: "INVALID_VERSION_DATE" });
      },
    );
    test("the versioned type with `, application/json` added works", async () => {
      const answer = await sendRaw(statelessUrl, op, { ...request, headers: { accept: `${mediaTypesOf(op).accept}, application/json` } });
      expect(answer.status).toBeLessThan(300);
    });
  });
});

describe("errors are ApiErrors", () => {
  test("unknown path: 404", async () => expectApiError(await get(baseUrl, "/api/atlas/v2/nothing-here"), 404, "RESOURCE_NOT_FOUND"));

  test("wrong method: 405 with Allow", async () => {
    const answer = await call(baseUrl, SETTINGS, { method: "PUT", headers: { authorization: BEARER, accept: V2023 } });
    expectApiError(answer, 405, "METHOD_NOT_ALLOWED");
    expect(answer.headers.get("allow")).toBe("GET");
  });

  test("DELETE with Accept: application/json: 406, not 500", async () => {
    const answer = await call(baseUrl, `/api/atlas/v2/groups/${GROUP_ID}/clusters/Cluster0/onlineArchives/5f4d6c0e9a1b2c3d4e5f6a7b`, { method: "DELETE", headers: { authorization: BEARER, accept: "application/json" } });
    expectApiError(answer, 406, "INVALID_VERSION_DATE");
  });

  test("malformed JSON: 400 MALFORMED_JSON", async () => expectApiError(await post(baseUrl, '{"name": "x",'), 400, "MALFORMED_JSON"));

  test("a body with the wrong Content-Type: 415", async () => {
    expectApiError(await post(baseUrl, { name: unique(), orgId: ORG_ID }, { "content-type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("an invalid query parameter: 400 naming it", async () => {
    const answer = await get(baseUrl, `/api/atlas/v2/groups/${GROUP_ID}/streams/accountDetails?cloudProvider=moon&regionName=X`, "application/vnd.atlas.2024-11-13+json");
    expectApiError(answer, 400, "VALIDATION_ERROR");
    expect(answer.body.badRequestDetail.fields).toEqual([{ field: "cloudProvider", description: expect.stringMatching(/allowed values/) }]);
  });

  test("an invalid body: 400 listing every violation, not the example's text", async () => {
    const answer = await post(baseUrl, { orgId: "not-hex", tags: [{ key: "" }], unknownField: 1 });
    expectApiError(answer, 400, "VALIDATION_ERROR");
    expect(answer.body.detail).not.toMatch(/No provider AWS/);
    expect(answer.body.badRequestDetail.fields.map((f: { field: string }) => f.field).sort()).toEqual(["name", "orgId", "tags.0.key", "tags.0.value", "unknownField"]);
    for (const field of answer.body.badRequestDetail.fields) expect(answer.body.detail).toContain(field.field);
  });

  test("undeclared properties are refused, at any depth, naming each", async () => {
    const answer = await post(baseUrl, { name: unique(), orgId: ORG_ID, colour: "red", tags: [{ key: "k", value: "v", weight: 2 }] });
    expectApiError(answer, 400, "VALIDATION_ERROR");
    expect([...answer.body.badRequestDetail.fields].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: "colour", description: expect.stringMatching(/not a property/) },
      { field: "tags.0.weight", description: expect.stringMatching(/not a property/) },
    ]);
  });

  test("readOnly properties in a request stay ignored", async () => {
    const answer = await post(baseUrl, { name: unique(), orgId: ORG_ID, id: "ffffffffffffffffffffffff", clusterCount: 7 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.id).not.toBe("ffffffffffffffffffffffff");
    expect(answer.body.clusterCount).toBe(0);
  });
});

describe("responses follow the request", () => {
  test("createProject answers with the request's name, orgId and tags, a fresh id and created time; the same name again is a 409", async () => {
    const body = { name: unique(), orgId: ORG_ID, tags: [{ key: "team", value: "mock" }] };
    const before = Date.now();
    const first = await post(baseUrl, body);
    expect(first.status, first.text).toBe(200);
    expect(first.type).toBe(V2023);
    expect(first.body).toMatchObject({ ...body, id: expect.stringMatching(/^[a-f0-9]{24}$/), clusterCount: 0 });
    expect(Date.parse(first.body.created)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const again = await post(baseUrl, body);
    expectApiError(again, 409, "GROUP_ALREADY_EXISTS");
    const otherOrg = await post(baseUrl, { ...body, orgId: GROUP_ID });
    expect(otherOrg.status).toBe(200);
    expect(otherOrg.body.id).not.toBe(first.body.id);
  });

  test("a created project's id can be used, and the response repeats it", async () => {
    const { body } = await post(baseUrl, { name: unique(), orgId: ORG_ID });
    const policy = await get(baseUrl, POLICY(body.id), V20231001);
    expect(policy.status).toBe(200);
    expect(policy.body.projectId).toBe(body.id);
  });

  test("an unknown well-formed groupId: 404 GROUP_NOT_FOUND; the document's example ids exist", async () => {
    expectApiError(await get(baseUrl, POLICY("0123456789abcdef01234567"), V20231001), 404, "GROUP_NOT_FOUND");
    const groupIds = new Set(operations.flatMap(({ op }) => op.parameters.filter((p) => p.name === "groupId").flatMap((p) => p.examples as string[])));
    expect(groupIds.size).toBeGreaterThan(0);
    for (const id of groupIds) expect((await get(baseUrl, POLICY(id), V20231001)).status).toBe(200);
  });

  test("updateConnectedOrgConfig applies the patch to the stored config and remembers it", async () => {
    const patch = (body: unknown) => call(baseUrl, CONFIG, { method: "PATCH", headers: { authorization: BEARER, accept: V2023, "content-type": V2023 }, body: json(body) });
    const first = await patch({ domainRestrictionEnabled: false, domainAllowList: ["example.com"] });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ domainRestrictionEnabled: false, domainAllowList: ["example.com"], orgId: ORG_ID });
    const second = await patch({ domainRestrictionEnabled: true, postAuthRoleGrants: ["ORG_MEMBER"] });
    expect(second.body).toMatchObject({ domainRestrictionEnabled: true, domainAllowList: ["example.com"], postAuthRoleGrants: ["ORG_MEMBER"], orgId: ORG_ID });
  });

  test.each(["aws", "azure"])("getAccountDetails answers the %s example for cloudProvider=%s", async (provider) => {
    const answer = await get(baseUrl, `/api/atlas/v2/groups/${GROUP_ID}/streams/accountDetails?cloudProvider=${provider}&regionName=US_EAST_1`, "application/vnd.atlas.2024-11-13+json");
    expect(answer.status).toBe(200);
    expect(answer.body.cloudProvider).toBe(provider);
  });
});

describe("envelope and pretty", () => {
  test("envelope=true wraps the body as { status, content }", async () => {
    const plain = await get(baseUrl, SETTINGS);
    const wrapped = await get(baseUrl, `${SETTINGS}?envelope=true`);
    expect(wrapped.status).toBe(200);
    expect(wrapped.type).toBe(V2023);
    expect(wrapped.body).toEqual({ status: 200, content: plain.body });
  });

  test("envelope=true wraps an error too", async () => {
    const answer = await get(baseUrl, `${POLICY("0123456789abcdef01234567")}?envelope=true`, V20231001);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 404, content: { error: 404, errorCode: "GROUP_NOT_FOUND" } });
  });

  test("pretty=true indents the body", async () => {
    const plain = await get(baseUrl, SETTINGS);
    const pretty = await get(baseUrl, `${SETTINGS}?pretty=true`);
    expect(plain.text).not.toContain("\n");
    expect(pretty.text).toBe(JSON.stringify(plain.body, null, 2));
  });
});

describe("rate limits", () => {
  let limited: string;
  beforeAll(async () => {
    limited = await ownLayer({ rateLimit: { limit: 3, windowMs: 1500 } });
  });

  test.each([
    ["a 200", SETTINGS, BEARER],
    ["a 401", SETTINGS, undefined],
    ["a 404", "/nowhere", BEARER],
  ])("%s carries RateLimit-Limit and RateLimit-Remaining", async (_, path, authorization) => {
    const answer = await call(baseUrl, path, { headers: { accept: V2023, ...(authorization ? { authorization } : {}) } });
    expect(Number(answer.headers.get("ratelimit-limit"))).toBeGreaterThan(0);
    expect(answer.headers.get("ratelimit-remaining")).toMatch(/^\d+$/);
  });

  test("past the limit: 429 RATE_LIMITED with Retry-After, for that credential only", async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) remaining.push((await get(limited, SETTINGS)).headers.get("ratelimit-remaining"));
    expect(remaining).toEqual(["2", "1", "0"]);
    const refused = await get(limited, SETTINGS);
    expectApiError(refused, 429, "RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const other = await call(limited, SETTINGS, { headers: { accept: V2023, authorization: `Bearer ${await fetchToken(limited)}` } });
    expect(other.status).toBe(200);
  });

  test("the client's retry waits out a real 429's Retry-After", async () => {
    const own = await ownLayer({ rateLimit: { limit: 1, windowMs: 1000 } });
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const client = createAtlasClient({ baseUrl: own, auth: { accessToken: CREDENTIALS.accessToken }, fetch: recording, retry: { maxAttempts: 3 } });
    for (let i = 0; i < 2; i++) expect((await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } })).response.status).toBe(200);
    expect(statuses).toEqual([200, 429, 200]);
    await client.close();
  });

  test("npm run mock takes MOCK_RATE_LIMIT, prints the test credentials and never a secret set through the environment", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const child = spawn(process.execPath, ["--import", "tsx", MOCK_SCRIPT], { env: { ...process.env, MOCK_PORT: String(port), MOCK_RATE_LIMIT: "2", MOCK_PRIVATE_KEY: "private-key-from-env" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    try {
      await expect.poll(() => output, { timeout: 30_000, interval: 200 }).toContain("See docs/mock.md.");
      expect(output).toContain(`MOCK_ACCESS_TOKEN   ${CREDENTIALS.accessToken} (default)`);
      expect(output).toContain("MOCK_PRIVATE_KEY    (set)");
      expect(output).toContain("2 requests a minute");
      const url = `http://127.0.0.1:${port}`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(url, SETTINGS)).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(output).not.toContain("private-key-from-env");
    } finally {
      child.kill("SIGTERM");
    }
  });
});

describe("documented responses on demand", () => {
  describe.concurrent.each(operations)("$op.operationId", ({ op, request }) => {
    test.each(op.responses.map((r) => r.code))("Prefer: code=%s is answered with that code, with only the versioned Accept", async (code) => {
      const answer = await sendRaw(baseUrl, op, { ...request, headers: { accept: mediaTypesOf(op).accept, prefer: `code=${code}` } });
      expect(answer.status).toBe(Number(code));
      if (!code.startsWith("2")) expect(answer.contentType).toBe("application/json");
    });
  });

  test("the stateless mock serves the example as it is, and remembers nothing", async () => {
    const example = readBundledDocument().paths as Record<string, any>;
    const documented = example[GROUPS].post.responses["200"].content[V2023].examples.project.value;
    const body = { name: "same-name", orgId: ORG_ID };
    for (let i = 0; i < 2; i++) {
      const answer = await post(statelessUrl, body);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(documented);
    }
    expect((await get(statelessUrl, POLICY("0123456789abcdef01234567"), V20231001)).status).toBe(200);
  });
});
