/**
 * The built collection run by newman (the pinned library, as `newman run` does) against the mock, with the
 * mock's Postman environment (scripts/postman/atlas-mock.postman_environment.json): service-account auth
 * (token fetched from the mock, cached, refreshed) and API-key digest auth pass every test of every
 * request; a wrong secret in either mode fails every request with 401 and every one of its tests. A stub
 * server shows that the response tests check the schema, \p{…} patterns included.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { NewmanRunSummary, run as newmanRun } from "newman";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_YAML } from "../../scripts/common/project-paths.js";
import { DEFAULT_CREDENTIALS } from "../../scripts/serve/atlas/auth.js";
import { createAtlasLayer } from "../../scripts/serve/atlas/layer.js";
import { listenLayer, startMock, type AtlasMock } from "../../scripts/serve/atlas/mock-server.js";
import { DEFAULT_MOCK_PORT, MOCK_HOST } from "../../scripts/serve/prism-server.js";
import { listOperations, readBundledDocument, valueAt, type JsonObject } from "../support/bundled-document.js";
import { ensureInstalled } from "../support/locked-install.js";

// newman has an install of its own (test/postman/newman), made here when missing.
const NEWMAN_DIR = fileURLToPath(new URL("./newman/", import.meta.url));
await ensureInstalled(NEWMAN_DIR, "newman");
const newman = createRequire(`${NEWMAN_DIR}package.json`)("newman") as { run: typeof newmanRun };

const COLLECTION = fileURLToPath(new URL("../../generated/atlas-admin.postman_collection.json", import.meta.url));
const ENVIRONMENT = fileURLToPath(new URL("../../scripts/postman/atlas-mock.postman_environment.json", import.meta.url));
const doc = readBundledDocument();
const operations = listOperations(doc);
/** Request name (the operation's summary) -> its documented 2xx status. */
const documentedStatus = new Map(
  operations.map((op) => [(valueAt(doc, `#/paths/${op.path.replaceAll("/", "~1")}/${op.method}`) as JsonObject).summary as string, Number(op.responses.find((r) => /^2\d\d$/.test(r.code))!.code)]),
);

type Environment = { name: string; values: { key: string; value: string; type: string; enabled: boolean }[] };
if (!existsSync(COLLECTION)) throw new Error("generated/atlas-admin.postman_collection.json is missing: run npm run build first");
const collection = JSON.parse(readFileSync(COLLECTION, "utf8"));
const environment = JSON.parse(readFileSync(ENVIRONMENT, "utf8")) as Environment;

function withValues(overrides: Record<string, string>): Environment {
  return { ...environment, values: environment.values.map((v) => (v.key in overrides ? { ...v, value: overrides[v.key]! } : v)) };
}

/** One newman run; `tokenRequests` counts the pre-request script's calls to the token endpoint. */
function runNewman(baseUrl: string, overrides: Record<string, string>, folder?: string): Promise<{ summary: NewmanRunSummary; tokenRequests: number }> {
  let tokenRequests = 0;
  return new Promise((resolve, reject) => {
    newman
      .run({ collection, environment: withValues({ baseUrl, ...overrides }), reporters: [], ...(folder ? { folder } : {}) }, (error, summary) => (error ? reject(error) : resolve({ summary, tokenRequests })))
      .on("request", (_error, args: any) => {
        if (args.request.url.getPath() === "/api/oauth/token") tokenRequests++;
      });
  });
}

let mock: AtlasMock;

beforeAll(async () => {
  mock = await startMock({ document: BUNDLE_YAML, port: 0, output: "pipe", logLevel: "warn" });
});

afterAll(async () => {
  await mock?.stop();
});

/** A run against a fresh Atlas layer over the mock's Prism: no project is left from an earlier run (createProject would get 409). */
async function runOnMock(overrides: Record<string, string>, layer: { tokenTtlMs?: number } = {}) {
  const fresh = await listenLayer(createAtlasLayer({ doc: readBundledDocument(), prismUrl: mock.prismUrl, credentials: DEFAULT_CREDENTIALS, ...layer }));
  try {
    return await runNewman(fresh.url, overrides);
  } finally {
    await fresh.stop();
  }
}

/**
 * The last execution of each request: newman lists every HTTP exchange of a request (the token request of
 * its pre-request script, the digest challenge before the answer), the request's own answer last.
 */
function finalExecutions(summary: NewmanRunSummary): NewmanRunSummary["run"]["executions"] {
  const byName = new Map(summary.run.executions.map((e) => [e.item.name, e]));
  expect([...byName.keys()].sort()).toEqual([...documentedStatus.keys()].sort());
  return [...byName.values()];
}

function expectEveryTestPassed(summary: NewmanRunSummary): void {
  expect(summary.run.failures.map((f) => `${f.source?.name}: ${f.error.test ?? ""} ${f.error.message}`)).toEqual([]);
  for (const execution of finalExecutions(summary)) {
    expect(execution.response.code, execution.item.name).toBe(documentedStatus.get(execution.item.name));
    expect(execution.assertions.length, execution.item.name).toBeGreaterThan(0);
  }
}

function expectEveryRequestRefused(summary: NewmanRunSummary): void {
  for (const execution of finalExecutions(summary)) {
    expect(execution.response.code, execution.item.name).toBe(401);
    expect(execution.assertions.filter((a) => !a.error).map((a) => a.assertion), execution.item.name).toEqual([]);
  }
  expect(summary.run.stats.assertions.failed).toBe(summary.run.stats.assertions.total);
}

describe("the Postman environment of the mock", () => {
  it("names the mock's address and its default test credentials", () => {
    const values = Object.fromEntries(environment.values.map((v) => [v.key, v.value]));
    const { accessToken: _, ...credentials } = DEFAULT_CREDENTIALS;
    expect(values).toEqual({ baseUrl: `http://${MOCK_HOST}:${DEFAULT_MOCK_PORT}`, authMode: "serviceAccount", ...credentials });
  });
});

describe("newman against the mock", () => {
  it("authMode=serviceAccount: every request passes its tests; the token is fetched once and reused", async () => {
    const { summary, tokenRequests } = await runOnMock({ authMode: "serviceAccount" });
    expectEveryTestPassed(summary);
    expect(tokenRequests).toBe(1);
  });

  it("authMode=serviceAccount refreshes a token that expires within the refresh margin before each request", async () => {
    const { summary, tokenRequests } = await runOnMock({ authMode: "serviceAccount" }, { tokenTtlMs: 30_000 });
    expectEveryTestPassed(summary);
    expect(tokenRequests).toBe(documentedStatus.size);
  });

  it("authMode=apiKey: every request answers the digest challenge and passes its tests", async () => {
    const { summary, tokenRequests } = await runOnMock({ authMode: "apiKey" });
    expectEveryTestPassed(summary);
    expect(tokenRequests).toBe(0);
    for (const execution of finalExecutions(summary)) expect(String(execution.request.headers.get("Authorization"))).toMatch(/^Digest username="/);
  });

  it("a wrong client secret (serviceAccount): every request gets 401 and fails every test", async () => {
    const { summary, tokenRequests } = await runOnMock({ authMode: "serviceAccount", clientSecret: "wrong-secret" });
    expectEveryRequestRefused(summary);
    expect(tokenRequests).toBe(documentedStatus.size); // a refused token request caches nothing
  });

  it("a wrong private key (apiKey): every request gets 401 and fails every test", async () => {
    expectEveryRequestRefused((await runOnMock({ authMode: "apiKey", privateKey: "wrong-key" })).summary);
  });

  it("an unknown authMode fails every request's pre-request script, naming the variable", async () => {
    const { summary } = await runOnMock({ authMode: "oauth" });
    const messages = summary.run.failures.map((f) => f.error.message);
    expect(messages.filter((m) => /authMode must be "serviceAccount" or "apiKey", not "oauth"/.test(m))).toHaveLength(documentedStatus.size);
  });
});

describe("the response tests check the body", () => {
  const create = operations.find((op) => op.operationId === "createProject")!;
  const example = [...create.responses.find((r) => r.code === "200")!.contents[0]!.examples.values()][0] as JsonObject;
  const folder = (valueAt(doc, `#/paths/${create.path.replaceAll("/", "~1")}/${create.method}`) as JsonObject).tags as string[];
  let body: unknown;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    // Answers every request 200 with `body`, in the operation's versioned media type; no auth challenge.
    server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { "content-type": "application/vnd.atlas.2023-01-01+json" }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, MOCK_HOST, resolve));
    url = `http://${MOCK_HOST}:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function schemaTest(name: unknown): Promise<{ passed: boolean; message: string }> {
    body = { ...example, name };
    const { summary } = await runNewman(url, { authMode: "apiKey" }, folder[0]);
    const assertion = summary.run.executions.at(-1)!.assertions.find((a) => a.assertion.startsWith("body matches"))!;
    return { passed: !assertion.error, message: assertion.error?.message ?? "" };
  }

  it("accepts a project name with letters outside ASCII (the \\p{L} pattern, checked with the u flag)", async () => {
    expect(await schemaTest("Ünïcødé-项目")).toEqual({ passed: true, message: "" });
  });

  it("rejects a project name that breaks the \\p{…} pattern, naming the field", async () => {
    const { passed, message } = await schemaTest("has a space");
    expect(passed).toBe(false);
    expect(message).toContain('name "has a space"');
  });

  it("rejects a body that breaks the schema (a wrong type)", async () => {
    const { passed, message } = await schemaTest(42);
    expect(passed).toBe(false);
    expect(message).toMatch(/should be string/);
  });
});
