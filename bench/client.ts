/**
 * Client benchmark: requests per second and per-call overhead of createAtlasClient next to bare
 * openapi-fetch and raw fetch, all against the same server on 127.0.0.1 in the same run, sequential
 * and 10 concurrent; and the client's minified+gzipped size next to openapi-fetch's.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import createClient from "openapi-fetch";
import type { paths } from "../generated/atlas.js";
import { markdownTable, median } from "./lib/measure.js";
import { startBenchServer } from "./lib/server.js";

export interface ClientOptions {
  projectRoot: string;
  requests: number;
  rounds: number;
  log: (line: string) => void;
}

const OPERATION_PATH = "/api/atlas/v2/orgs/{orgId}/settings";
const ORG_ID = "32b6e34b3d91647abb20e7b8";
const TOKEN = "bench-access-token";
const CONCURRENCY = 10;
const WARM_UP_CALLS = 300;

type Call = () => Promise<void>;

interface Caller {
  name: string;
  call: Call;
}

/** The 200 response's media type and first example, read from the bundled document so the server answers like Atlas would. */
function exampleResponse(projectRoot: string): { mediaType: string; body: unknown } {
  const file = join(projectRoot, "generated", "openapi.json");
  const document = JSON.parse(readFileSync(file, "utf8"));
  const content = document.paths?.[OPERATION_PATH]?.get?.responses?.["200"]?.content ?? {};
  const [mediaType, media] = Object.entries<{ examples?: Record<string, { value: unknown }> }>(content)[0] ?? [];
  const example = Object.values(media?.examples ?? {})[0];
  if (!mediaType || !example) throw new Error(`${file}: GET ${OPERATION_PATH} has no 200 response example to serve`);
  return { mediaType, body: example.value };
}

function expectSettings(data: unknown, who: string): void {
  if (!data || typeof data !== "object" || !("multiFactorAuthRequired" in data)) throw new Error(`${who}: unexpected response ${JSON.stringify(data)}`);
}

async function callers(baseUrl: string, mediaType: string): Promise<{ callers: Caller[]; missing?: string }> {
  const url = `${baseUrl}${OPERATION_PATH.replace("{orgId}", ORG_ID)}`;
  const headers = { Accept: mediaType, Authorization: `Bearer ${TOKEN}` };
  const list: Caller[] = [
    {
      name: "raw fetch",
      call: async () => {
        const response = await fetch(url, { headers });
        if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
        expectSettings(await response.json(), "raw fetch");
      },
    },
  ];
  const bare = createClient<paths>({ baseUrl });
  list.push({
    name: "openapi-fetch",
    call: async () => {
      const { data, error } = await bare.GET(OPERATION_PATH, { params: { path: { orgId: ORG_ID } }, headers });
      if (error !== undefined) throw new Error(`openapi-fetch: ${JSON.stringify(error)}`);
      expectSettings(data, "openapi-fetch");
    },
  });
  try {
    const { createAtlasClient } = await import("../src/index.js");
    const ours = createAtlasClient({ baseUrl, auth: { accessToken: TOKEN } });
    list.push({
      name: "createAtlasClient",
      call: async () => {
        const { data, error } = await ours.GET(OPERATION_PATH, { params: { path: { orgId: ORG_ID } } });
        if (error !== undefined) throw new Error(`createAtlasClient: ${JSON.stringify(error)}`);
        expectSettings(data, "createAtlasClient");
      },
    });
    return { callers: list };
  } catch (err) {
    return { callers: list, missing: `createAtlasClient could not be loaded from src/index.ts: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Wall-clock ms and CPU µs (this process: client and server, user + system) of `requests` calls. */
async function timeCalls(call: Call, requests: number, concurrency: number): Promise<{ ms: number; cpuUs: number }> {
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      await call();
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuUs: used.user + used.system };
}

type Mode = "sequential" | "concurrent";

interface Throughput {
  name: string;
  /** Requests per second of each round. */
  rps: Record<Mode, number[]>;
  /** CPU µs per call of each round (client and server together; the server's share is the same for every caller). */
  cpu: Record<Mode, number[]>;
}

/** Calls per slice: callers take turns slice by slice, so a burst of load on the shared machine hits them alike. */
const SLICE = 200;

async function measureThroughput(list: readonly Caller[], options: ClientOptions): Promise<Throughput[]> {
  const results: Throughput[] = list.map((caller) => ({ name: caller.name, rps: { sequential: [], concurrent: [] }, cpu: { sequential: [], concurrent: [] } }));
  for (const caller of list) await timeCalls(caller.call, WARM_UP_CALLS, 1);
  for (let round = 1; round <= options.rounds; round++) {
    for (const mode of ["sequential", "concurrent"] as const) {
      options.log(`client: round ${round}/${options.rounds}, ${mode}`);
      const totals = list.map(() => ({ ms: 0, cpuUs: 0 }));
      for (let done = 0, slice = 0; done < options.requests; done += SLICE, slice++) {
        const calls = Math.min(SLICE, options.requests - done);
        // Rotate the order each slice so no caller always runs first (or on the warmest JIT).
        for (let i = 0; i < list.length; i++) {
          const index = (i + slice + round) % list.length;
          const { ms, cpuUs } = await timeCalls(list[index]!.call, calls, mode === "sequential" ? 1 : CONCURRENCY);
          totals[index]!.ms += ms;
          totals[index]!.cpuUs += cpuUs;
        }
      }
      totals.forEach(({ ms, cpuUs }, index) => {
        results[index]!.rps[mode].push((options.requests / ms) * 1000);
        results[index]!.cpu[mode].push(cpuUs / options.requests);
      });
    }
  }
  return results;
}

/** Slices of in-process calls per caller, and calls per slice. */
const OWN_CPU_SLICES = 30;
const OWN_CPU_SLICE = 1_000;

interface OwnCpu {
  bare: number[];
  client: number[];
}

/**
 * The client's own CPU per call, without network or server: the same GET through bare openapi-fetch and
 * createAtlasClient, each with a `fetch` that builds the Request as the platform's fetch does
 * (`new Request(input, init)`) and answers the example at once. Far less noisy than the loopback figures
 * on a loaded machine, and it counts only what the client adds.
 */
async function measureOwnCpu(mediaType: string, body: unknown): Promise<OwnCpu | undefined> {
  const payload = JSON.stringify(body);
  const answer = async (input: RequestInfo | URL, init?: RequestInit) => {
    new Request(input, init);
    return new Response(payload, { status: 200, headers: { "content-type": mediaType, "content-length": String(Buffer.byteLength(payload)) } });
  };
  const baseUrl = "http://127.0.0.1:9";
  const params = { path: { orgId: ORG_ID } };
  const bare = createClient<paths>({ baseUrl, fetch: answer });
  let ours: Awaited<typeof import("../src/index.js")>["createAtlasClient"];
  try {
    ours = (await import("../src/index.js")).createAtlasClient;
  } catch {
    return undefined;
  }
  const client = ours({ baseUrl, auth: { accessToken: TOKEN }, fetch: answer });
  const calls: Record<keyof OwnCpu, Call> = {
    bare: async () => expectSettings((await bare.GET(OPERATION_PATH, { params, headers: { Accept: mediaType, Authorization: `Bearer ${TOKEN}` } })).data, "openapi-fetch"),
    client: async () => expectSettings((await client.GET(OPERATION_PATH, { params })).data, "createAtlasClient"),
  };
  const result: OwnCpu = { bare: [], client: [] };
  const order = ["bare", "client"] as const;
  for (const name of order) await timeCalls(calls[name], WARM_UP_CALLS * 10, 1);
  for (let slice = 0; slice < OWN_CPU_SLICES; slice++) {
    for (let i = 0; i < order.length; i++) {
      const name = order[(i + slice) % order.length]!;
      result[name].push((await timeCalls(calls[name], OWN_CPU_SLICE, 1)).cpuUs / OWN_CPU_SLICE);
    }
  }
  return result;
}

interface Size {
  minified: number;
  gzipped: number;
}

const ENTRY_OPTIONS = { bundle: true, minify: true, format: "esm", platform: "node", target: "node20", write: false, logLevel: "silent" } as const;

const ENTRY_NAME = "bench-entry.ts";

function stdinEntry(projectRoot: string, contents: string) {
  return { contents, resolveDir: projectRoot, loader: "ts", sourcefile: ENTRY_NAME } as const;
}

function sizeOf(files: readonly Uint8Array[]): Size {
  // Each chunk is a file of its own (a request of its own in a browser): gzipped one by one.
  return files.reduce((sum, bytes) => ({ minified: sum.minified + bytes.length, gzipped: sum.gzipped + gzipSync(bytes, { level: 9 }).length }), { minified: 0, gzipped: 0 });
}

/** Minified (esbuild) and gzipped bytes of an entry module with everything it imports, in one file. */
async function bundledSize(projectRoot: string, contents: string): Promise<Size> {
  const result = await build({ ...ENTRY_OPTIONS, stdin: stdinEntry(projectRoot, contents) });
  return sizeOf([result.outputFiles[0]!.contents]);
}

/** What a module loads dynamically: the chunks of one `import()` target beyond those already loaded. */
interface LazyPart {
  /** The module the `import()` names, relative to the project. */
  module: string;
  size: Size;
}

/**
 * An entry bundled as a bundler splits it (esbuild, `splitting: true`, ESM): the chunks loaded with it
 * (the entry chunk and the chunks it imports statically) and, for each dynamic `import()`, the chunks
 * it adds when it runs.
 */
async function splitSizes(projectRoot: string, contents: string): Promise<{ initial: Size; lazy: LazyPart[]; total: Size }> {
  const outdir = join(projectRoot, "node_modules", ".cache", "bench-split");
  const result = await build({ ...ENTRY_OPTIONS, stdin: stdinEntry(projectRoot, contents), splitting: true, outdir, metafile: true, absWorkingDir: projectRoot });
  const bytes = new Map(result.outputFiles.map((file) => [relative(projectRoot, file.path), file.contents]));
  const outputs = result.metafile.outputs;
  /** The output files `from` loads with it: itself and its static imports, transitively. */
  const staticClosure = (from: string, into = new Set<string>()): Set<string> => {
    if (into.has(from)) return into;
    into.add(from);
    for (const imported of outputs[from]!.imports) if (imported.kind === "import-statement" && outputs[imported.path]) staticClosure(imported.path, into);
    return into;
  };
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === ENTRY_NAME);
  if (!entry) throw new Error("esbuild's metafile names no output for the entry");
  const initial = staticClosure(entry);
  const lazy = Object.keys(outputs)
    .filter((path) => path !== entry && outputs[path]!.entryPoint !== undefined)
    .map((path) => ({
      module: outputs[path]!.entryPoint!,
      size: sizeOf([...staticClosure(path)].filter((chunk) => !initial.has(chunk)).map((chunk) => bytes.get(chunk)!)),
    }));
  return { initial: sizeOf([...initial].map((chunk) => bytes.get(chunk)!)), lazy, total: sizeOf([...bytes.values()]) };
}

/** When each dynamically imported module is loaded, for the size table. */
const LOADED_WHEN: Record<string, string> = {
  "src/transport/auth-service-account.ts": "service-account auth (with oauth4webapi): loaded when a client with a service account is created",
  "src/transport/auth-digest.ts": "API-key (digest) auth: loaded when a client with an API key is created",
  "src/transport/redirect-rules.ts": "redirect rules: loaded at the first redirect",
};

async function measureSizes(projectRoot: string): Promise<string[][]> {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const row = (name: string, size: Size) => [name, kb(size.minified), kb(size.gzipped)];
  const whole = await splitSizes(projectRoot, 'export * from "./src/index.js";');
  const clientOnly = await splitSizes(projectRoot, 'export { createAtlasClient } from "./src/index.js";');
  return [
    row("openapi-fetch alone (createClient)", await bundledSize(projectRoot, 'export { default } from "openapi-fetch";')),
    row("**package entry (src/index.ts, every export), loaded at import: the target's figure (≤ 10 KiB min+gz)**", whole.initial),
    ...whole.lazy.map((part) => row(`package entry, on demand: ${LOADED_WHEN[part.module] ?? part.module}`, part.size)),
    row("package entry, all chunks together", whole.total),
    row("createAtlasClient alone (tree-shaken), loaded at import", clientOnly.initial),
    row("package entry in one file (no splitting; what the issue first measured)", await bundledSize(projectRoot, 'export * from "./src/index.js";')),
  ];
}

export async function runClientBench(options: ClientOptions): Promise<string> {
  const { mediaType, body } = exampleResponse(options.projectRoot);
  const server = await startBenchServer({ token: TOKEN, mediaType, body });
  let throughput: Throughput[];
  let missing: string | undefined;
  try {
    const setup = await callers(server.baseUrl, mediaType);
    missing = setup.missing;
    throughput = await measureThroughput(setup.callers, options);
    const expected = setup.callers.length * (WARM_UP_CALLS + 2 * options.rounds * options.requests);
    if (server.requests() !== expected) throw new Error(`the server saw ${server.requests()} requests, expected ${expected}: some calls did not reach it`);
  } finally {
    await server.close();
  }
  options.log("client: own CPU per call, in process");
  const ownCpu = await measureOwnCpu(mediaType, body);
  let sizes: string[][];
  try {
    sizes = await measureSizes(options.projectRoot);
  } catch (err) {
    sizes = [["(esbuild failed)", err instanceof Error ? err.message.split("\n")[0]! : String(err), ""]];
  }
  return render(throughput, ownCpu, sizes, missing, options);
}

function render(throughput: readonly Throughput[], ownCpu: OwnCpu | undefined, sizes: string[][], missing: string | undefined, options: ClientOptions): string {
  const raw = throughput.find((entry) => entry.name === "raw fetch")!;
  const bare = throughput.find((entry) => entry.name === "openapi-fetch")!;
  const perCall = (rps: number) => 1_000_000 / rps;
  const signed = (delta: number) => `${delta >= 0 ? "+" : ""}${delta.toFixed(0)} µs`;
  const signedTenths = (delta: number) => `${delta >= 0 ? "+" : ""}${delta.toFixed(1)}`;
  const wallOver = (entry: Throughput, base: Throughput, mode: Mode) =>
    entry === base ? "baseline" : signed(perCall(median(entry.rps[mode])) - perCall(median(base.rps[mode])));
  const cpuOver = (entry: Throughput, base: Throughput, mode: Mode) => (entry === base ? "baseline" : signed(median(entry.cpu[mode]) - median(base.cpu[mode])));
  const wallRows = throughput.map((entry) => [
    entry.name,
    `${median(entry.rps.sequential).toFixed(0)} (min ${Math.min(...entry.rps.sequential).toFixed(0)})`,
    `${perCall(median(entry.rps.sequential)).toFixed(0)} µs`,
    wallOver(entry, raw, "sequential"),
    entry === raw ? "" : wallOver(entry, bare, "sequential"),
    `${median(entry.rps.concurrent).toFixed(0)} (min ${Math.min(...entry.rps.concurrent).toFixed(0)})`,
    wallOver(entry, raw, "concurrent"),
    entry === raw ? "" : wallOver(entry, bare, "concurrent"),
  ]);
  const cpuRows = throughput.map((entry) => [
    entry.name,
    `${median(entry.cpu.sequential).toFixed(0)} µs`,
    entry === raw ? "" : cpuOver(entry, bare, "sequential"),
    `${median(entry.cpu.concurrent).toFixed(0)} µs`,
    entry === raw ? "" : cpuOver(entry, bare, "concurrent"),
  ]);
  return [
    "## Client",
    "",
    `GET ${OPERATION_PATH} (the document's example as the body, bearer token) against one node:http server on 127.0.0.1`,
    `in this process. Each cell: median (and min) over ${options.rounds} rounds of ${options.requests} requests, after ${WARM_UP_CALLS} warm-up`,
    `calls each; within a round the callers take turns every ${SLICE} calls. Overhead: time per call minus raw fetch's or bare openapi-fetch's (at ${CONCURRENCY}`,
    "concurrent, per call of throughput, i.e. 1/rps). All three send the same headers through Node's global fetch; the client adds its",
    "per-call wrapper (path-parameter checks, JSON parsing) and transport (versioned Accept, User-Agent, retries, redirects, auth, timeout, error shaping).",
    ...(missing ? ["", `**${missing}**`] : []),
    "",
    markdownTable(
      ["caller", "sequential req/s", "time per call", "over fetch", "over openapi-fetch", `${CONCURRENCY} concurrent req/s`, "over fetch", "over openapi-fetch"],
      wallRows,
    ),
    "",
    "CPU time per call (process.cpuUsage of this process, client and server, median of the rounds): on a loaded machine",
    "wall-clock time also counts waiting for a core; CPU time counts only the work done, and the server's share is the same for each caller.",
    "",
    markdownTable(["caller", "sequential CPU per call", "over openapi-fetch", `${CONCURRENCY} concurrent CPU per call`, "over openapi-fetch"], cpuRows),
    "",
    ...(ownCpu
      ? [
          `The client's own CPU per call, in process without network or server (both callers with a \`fetch\` that builds the Request and answers the`,
          `example at once; median and min of ${OWN_CPU_SLICES} alternating slices of ${OWN_CPU_SLICE} calls): openapi-fetch ${median(ownCpu.bare).toFixed(1)} µs (min ${Math.min(...ownCpu.bare).toFixed(1)}),`,
          `createAtlasClient ${median(ownCpu.client).toFixed(1)} µs (min ${Math.min(...ownCpu.client).toFixed(1)}): **${signedTenths(median(ownCpu.client) - median(ownCpu.bare))} µs over openapi-fetch**.`,
          "",
        ]
      : []),
    "Size (esbuild --bundle --minify, ESM, platform node, code splitting as a bundler does it; gzip -9 of each chunk file, summed).",
    "Service-account and API-key auth and the redirect rules are dynamic `import()`s: they are chunks of their own, loaded only",
    "when needed; the figure every user loads is the entry's load at import.",
    "",
    markdownTable(["bundle", "minified", "minified + gzip"], sizes),
  ].join("\n");
}
