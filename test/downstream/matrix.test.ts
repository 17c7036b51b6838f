/**
 * The generator matrix: every generator a downstream repository may use runs on the bundle in a
 * throwaway project (test/downstream/support/workspace.ts), its output and its caller
 * (test/downstream/clients/<id>.ts) pass one `tsc --strict`, and the caller runs getOrganizationSettings
 * (GET) and createProject (POST) against the Prism mock, through a proxy that records what went on the
 * wire. "raw" is the generator as its own documentation shows it: what it gets wrong is pinned here
 * (RAW_EXPECTED), so a generator release that changes it fails the test and the table in docs/downstream.md gets
 * updated. "with recipe" is the recipe in docs/downstream.md: it must send the versioned Accept and Content-Type,
 * be accepted by the mock, and get back a project that matches the document.
 * Everything is generated once (beforeAll); the run prints how long each part took.
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { mediaTypesForRequest } from "../../src/atlas-fetch.js";
import { MOCK_ACCESS_TOKEN } from "../support/contract-client.js";
import { describeErrors, DocumentValidator } from "../support/document-validator.js";
import { GENERATORS, versionsOf, type Generation, type Generator } from "./support/generators.js";
import { startRecordingProxy, type RecordedCall, type RecordingProxy } from "./support/recording-proxy.js";
import { createWorkspace, ensureGeneratorsInstalled, ROOT, typecheck, type CommandResult, type Workspace } from "./support/workspace.js";

/**
 * What each generator gets wrong without its recipe (see the table in docs/downstream.md). The mock answers a missing
 * or unversioned Accept with 406, as Atlas does; a raw client that gives up at that first 406 never sends
 * its createProject, so its wrong Content-Type (if any) does not show.
 */
const RAW_EXPECTED: Record<string, string> = {
  ours: "no Accept; mock answered 406; Content-Type application/json",
  "hey-api": "no Accept; mock answered 406",
  "orval-fetch": "no Accept; mock answered 406",
  // The calls go through orval's fetch client with its recipe; what is missing is in the schemas.
  "orval-zod": "ok; no body or response schemas",
  "swagger-typescript-api": "no Accept; mock answered 406",
  oazapfts: "Accept application/json; mock answered 406; Content-Type application/json",
  "openapi-typescript-codegen": "Accept application/json; mock answered 406",
  // The fetcher is the user's: the generated client carries no media types, so it sends what you write.
  "typed-openapi": "no Accept; mock answered 406",
  // Zodios never validates the versioned answers (it validates only Content-Types containing application/json).
  "openapi-zod-client":
    "Accept application/json, text/plain, */*; mock answered 406; Content-Type application/json; answers typed void (createProject, getOrganizationSettings); Zodios rejects the answer: Request failed with status code 406",
  kubb: "no Accept; mock answered 406",
};

/** tsc errors the raw setup has (in clients/generated/<id>-raw/ or clients/<id>.raw.ts), one pattern per error. */
const RAW_TYPE_ERRORS: Record<string, RegExp[]> = {
  // openapi-typescript's default --default-non-nullable makes a field with a `default` required in request bodies.
  ours: [/^clients\/ours\.raw\.ts\(\d+,\d+\): error TS2322: Type '\{ name: string; orgId: string; \}' is not assignable to type .*withDefaultAlertsSettings: boolean;/],
  // The document's ApiError schema and the generator's own ApiError class are both exported from index.ts.
  "openapi-typescript-codegen": [
    /^clients\/generated\/openapi-typescript-codegen-raw\/index\.ts\(\d+,\d+\): error TS2300: Duplicate identifier 'ApiError'\./,
    /^clients\/generated\/openapi-typescript-codegen-raw\/index\.ts\(\d+,\d+\): error TS2300: Duplicate identifier 'ApiError'\./,
  ],
};

/**
 * Issue 15, per generator: is clusterCount required in the createProject response type
 * (clients/<id>.cluster-count.ts type-checks) and is links refused in a request body
 * (clients/<id>.links.ts: its @ts-expect-error is used)? A generator that does not model readOnly
 * cannot refuse links; that is its row in docs/downstream.md, pinned here.
 */
const READ_ONLY_EXPECTED: Record<string, { clusterCountRequired: boolean; linksRefused: boolean }> = {
  ours: { clusterCountRequired: true, linksRefused: true },
  "hey-api": { clusterCountRequired: true, linksRefused: true },
  "orval-fetch": { clusterCountRequired: true, linksRefused: true },
  // Ignores readOnly: one Group type for requests and responses.
  "swagger-typescript-api": { clusterCountRequired: true, linksRefused: false },
  oazapfts: { clusterCountRequired: true, linksRefused: true },
  // Types readOnly properties as TypeScript `readonly` only, which an object literal may still set.
  "openapi-typescript-codegen": { clusterCountRequired: true, linksRefused: false },
  // No readOnly handling: request and response share one type.
  "typed-openapi": { clusterCountRequired: true, linksRefused: false },
  // One zod schema (Group) for the request body and the answer's base: readOnly is not modelled.
  "openapi-zod-client": { clusterCountRequired: true, linksRefused: false },
  // The body type is Omit<Group, "clusterCount" | "created" | "id" | "links">.
  kubb: { clusterCountRequired: true, linksRefused: true },
  // At run time: the recipe's zod schemas (orval writes body schemas without readOnly properties; the
  // recipe's strict body schema refuses them instead of dropping them).
  "orval-zod": { clusterCountRequired: true, linksRefused: true },
};

/** Does narrowing getAccountDetails' answer on cloudProvider reach the aws and azure fields (clients/<id>.discriminator.ts)? */
const DISCRIMINATOR_EXPECTED: Record<string, boolean> = {
  ours: true,
  "hey-api": true,
  "orval-fetch": true,
  "swagger-typescript-api": true,
  oazapfts: true,
  "openapi-typescript-codegen": true,
  "typed-openapi": true,
  "openapi-zod-client": true,
  kubb: true,
};

interface RawCaller {
  raw(context: { baseUrl: string; token: string }): Promise<{ project: unknown; schemas?: string[]; notes?: string[] }>;
}

interface CallerModule {
  withRecipe(context: { baseUrl: string; token: string }): Promise<{ project: unknown; schemas?: string[] }>;
  withAtlasFetch?(context: { baseUrl: string; token: string }): Promise<{ project: unknown }>;
  /** For schema generators, checked at run time instead of by tsc. */
  readOnlyVerdict?(): { clusterCountRequired: boolean; linksRefused: boolean };
}

/** The Atlas mock's static test token: any other is a 401. */
const TOKEN = MOCK_ACCESS_TOKEN;
const validator = new DocumentValidator();
const groupResponseSchema = "#/paths/~1api~1atlas~1v2~1groups/post/responses/200/content/application~1vnd.atlas.2023-01-01+json/schema";

let workspace: Workspace;
let proxies: Record<Generator["document"], RecordingProxy>;
const generated = new Map<Generation, CommandResult>();
let typeErrors: Map<string, string[]>;
const timings: Array<[string, number]> = [];
const rows = new Map<string, { raw?: string; recipe?: string; readOnly?: string; discriminator?: string }>();

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings.push([label, (performance.now() - start) / 1000]);
  }
}

/** What is wrong with one recorded call, compared with the document: "" when nothing. */
function problems(call: RecordedCall): string[] {
  const op = mediaTypesForRequest(call.method, call.url.split("?")[0] ?? "");
  if (!op) return [`${call.method} ${call.url} is no operation of the document`];
  const found: string[] = [];
  // Node's fetch sends `Accept: */*` when the client sets none.
  if (call.accept !== op.accept) found.push(call.accept === undefined || call.accept === "*/*" ? "no Accept" : `Accept ${call.accept}`);
  if (op.contentType && call.contentType !== op.contentType) found.push(call.contentType === undefined ? "no Content-Type" : `Content-Type ${call.contentType}`);
  if (call.authorization !== `Bearer ${TOKEN}`) found.push("no bearer token");
  if (call.status < 200 || call.status >= 300) found.push(`mock answered ${call.status}`);
  if (call.violations) found.push(`mock found: ${call.violations}`);
  return found;
}

function summarize(calls: RecordedCall[]): string {
  const found = [...new Set(calls.flatMap(problems))];
  return found.length === 0 ? "ok" : found.join("; ");
}

async function importClient<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(join(workspace.dir, "clients", file)).href)) as T;
}

/** At most two at a time: the machine has two cores. */
async function runAll(generations: Generation[]): Promise<void> {
  const queue = [...generations];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const generation = next;
      generated.set(generation, await timed(`generate: ${generation.name}`, () => generation.run(workspace)));
    }
  };
  await Promise.all([worker(), worker()]);
}

beforeAll(async () => {
  await ensureGeneratorsInstalled();
  const start = performance.now();
  workspace = createWorkspace();
  cpSync(join(ROOT, "test", "downstream", "clients"), join(workspace.dir, "clients"), { recursive: true });
  for (const generator of GENERATORS) mkdirSync(join(workspace.dir, "clients", "generated", generator.id), { recursive: true });
  // Stateless: every generator creates the document's example project, a 409 from the second on when remembered.
  proxies = { "3.1": await startRecordingProxy(inject("mockStatelessBaseUrl")), "3.0": await startRecordingProxy(inject("mock30BaseUrl")) };
  await runAll([...new Set(GENERATORS.flatMap((generator) => [generator.generation, ...(generator.rawGeneration ? [generator.rawGeneration] : [])]))]);
  typeErrors = await timed("tsc --strict (all outputs and callers)", () => typecheck(workspace.dir));
  timings.push(["set-up total", (performance.now() - start) / 1000]);
}, 600_000);

afterAll(async () => {
  await Promise.all(Object.values(proxies ?? {}).map((proxy) => proxy.close()));
  if (workspace) rmSync(workspace.dir, { recursive: true, force: true });
  const table = GENERATORS.map((g) => `  ${g.label.padEnd(58)} ${versionsOf(g).padEnd(46)} raw: ${rows.get(g.id)?.raw ?? "-"} | with recipe: ${rows.get(g.id)?.recipe ?? "-"} | ${rows.get(g.id)?.readOnly ?? ""} | ${rows.get(g.id)?.discriminator ?? ""}`);
  const times = timings.map(([label, seconds]) => `  ${label.padEnd(58)} ${seconds.toFixed(1)} s`);
  console.log(["Generator matrix", ...table, "Generator matrix time", ...times].join("\n"));
});

test("the shared client files type-check with tsc --strict", () => {
  const owners = new Set(GENERATORS.flatMap((g) => [g.id, `${g.id}-raw`, `${g.id}-cluster-count`, `${g.id}-links`, `${g.id}-discriminator`]));
  expect([...typeErrors].filter(([owner]) => !owners.has(owner))).toEqual([]);
});

describe.each(GENERATORS)("$label", (generator) => {
  const proxy = (): RecordingProxy => proxies[generator.document];
  const context = (): { baseUrl: string; token: string } => ({ baseUrl: proxy().url, token: TOKEN });

  test("generates", () => {
    for (const generation of [generator.generation, generator.rawGeneration]) {
      if (!generation) continue;
      const result = generated.get(generation);
      expect(result?.code, `${generation.name}: ${result?.output}`).toBe(0);
    }
    if (generator.expectedOutput) expect(generated.get(generator.generation)?.output).toMatch(generator.expectedOutput);
  });

  test("with its recipe, its output and its caller type-check with tsc --strict", () => {
    expect(typeErrors.get(generator.id) ?? []).toEqual([]);
  });

  test("raw: its tsc --strict errors are the ones docs/downstream.md lists", () => {
    const errors = typeErrors.get(`${generator.id}-raw`) ?? [];
    const expected = RAW_TYPE_ERRORS[generator.id] ?? [];
    expect(errors.length, errors.join("\n")).toBe(expected.length);
    expected.forEach((pattern, index) => expect(errors[index]).toMatch(pattern));
  });

  test("raw: what it sends without a recipe is what docs/downstream.md says", async () => {
    const caller = await importClient<RawCaller>(`${generator.id}.raw.ts`);
    proxy().take();
    // A raw client may reject (e.g. on the mock's 406): what it sent is what the row reports.
    const result = await timed(`calls: ${generator.id} raw`, () => caller.raw(context()).catch((error: unknown) => ({ project: undefined, thrown: error, schemas: undefined, notes: undefined })));
    const summary = [summarize(proxy().take()), ...(result.schemas && result.schemas.length === 0 ? ["no body or response schemas"] : []), ...(result.notes ?? [])].join("; ");
    rows.set(generator.id, { ...rows.get(generator.id), raw: summary });
    expect(summary).toBe(RAW_EXPECTED[generator.id]);
  });

  test("with recipe: versioned Accept and Content-Type, accepted by the mock, the document's response", async () => {
    const caller = await importClient<CallerModule>(`${generator.id}.ts`);
    proxy().take();
    const result = await timed(`calls: ${generator.id} with recipe`, () => caller.withRecipe(context()));
    const calls = proxy().take();
    rows.set(generator.id, { ...rows.get(generator.id), recipe: summarize(calls) });
    expect(calls.map((call) => `${call.method} ${call.url.split("?")[0]}`)).toEqual(expect.arrayContaining(["GET /api/atlas/v2/orgs/4888442a3354817a7320eb61/settings", "POST /api/atlas/v2/groups"]));
    expect(summarize(calls)).toBe("ok");
    const errors = validator.errors("response", groupResponseSchema, result.project);
    expect(errors, describeErrors(errors, "project")).toEqual([]);
    if (caller.withAtlasFetch) {
      await caller.withAtlasFetch(context());
      expect(summarize(proxy().take())).toBe("ok");
    }
  });
});

describe.each(GENERATORS.filter((generator) => READ_ONLY_EXPECTED[generator.id] !== undefined))("$label: read-only fields (issue 15)", (generator) => {
  test("clusterCount is required in the createProject response, links refused in a request body, as docs/downstream.md says", async () => {
    const { readOnlyVerdict } = await importClient<CallerModule>(`${generator.id}.ts`);
    const errors = [...(typeErrors.get(`${generator.id}-cluster-count`) ?? []), ...(typeErrors.get(`${generator.id}-links`) ?? [])];
    const verdict = readOnlyVerdict?.() ?? {
      clusterCountRequired: (typeErrors.get(`${generator.id}-cluster-count`) ?? []).length === 0,
      linksRefused: (typeErrors.get(`${generator.id}-links`) ?? []).length === 0,
    };
    rows.set(generator.id, { ...rows.get(generator.id), readOnly: `clusterCount ${verdict.clusterCountRequired ? "required" : "optional"}, links ${verdict.linksRefused ? "refused" : "accepted"}` });
    expect(verdict, errors.join("\n")).toEqual(READ_ONLY_EXPECTED[generator.id]);
  });
});

describe.each(GENERATORS.filter((generator) => DISCRIMINATOR_EXPECTED[generator.id] !== undefined))("$label: aws/azure oneOf", (generator) => {
  test("narrowing on cloudProvider reaches each variant's fields, as docs/downstream.md says", () => {
    const errors = typeErrors.get(`${generator.id}-discriminator`) ?? [];
    rows.set(generator.id, { ...rows.get(generator.id), discriminator: errors.length === 0 ? "oneOf narrows" : "oneOf does not narrow" });
    expect(errors.length === 0, errors.join("\n")).toBe(DISCRIMINATOR_EXPECTED[generator.id]);
  });
});

describe("openapi-typescript-codegen without its request file", () => {
  test("hands back a versioned JSON answer as a string, even with the right Accept (docs/downstream.md's reason for the custom request file)", async () => {
    const { answerWithAcceptFixed } = await importClient<{ answerWithAcceptFixed(context: { baseUrl: string; token: string }): Promise<unknown> }>("openapi-typescript-codegen.raw.ts");
    const answer = await answerWithAcceptFixed({ baseUrl: proxies["3.0"].url, token: TOKEN });
    expect(summarize(proxies["3.0"].take())).toBe("ok");
    expect(typeof answer).toBe("string");
  });
});
