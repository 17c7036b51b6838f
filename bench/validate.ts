/**
 * Contract check benchmark (atlas-admin-openapi/validate): what withResponseValidation adds per call
 * for the document's largest 2xx response example, beside the plain client in the same run:
 *  - the validation alone (checkResponse on the parsed body, no I/O);
 *  - end to end on loopback: createAtlasClient with and without withResponseValidation, sequential;
 *  - the validate entry's minified+gzipped size (it is not part of the main entry).
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { markdownTable, median } from "./lib/measure.js";

export interface ValidateBenchOptions {
  projectRoot: string;
  requests: number;
  rounds: number;
  log: (line: string) => void;
}

const TOKEN = "bench-access-token";
const WARM_UP_CALLS = 300;
/** Validation alone is far cheaper than a request: run this many times more calls for a stable figure. */
const PURE_FACTOR = 20;
/** Each round's requests are split into this many alternating batches per client. */
const BATCHES = 20;

interface LargestExample {
  operationId: string;
  method: string;
  path: string;
  status: number;
  mediaType: string;
  body: unknown;
  bytes: number;
}

/** The 2xx response example with the longest JSON in dist/openapi.json. */
function largestExample(projectRoot: string): LargestExample {
  const document = JSON.parse(readFileSync(join(projectRoot, "generated", "openapi.json"), "utf8"));
  let best: LargestExample | undefined;
  for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        if (!status.startsWith("2")) continue;
        for (const [mediaType, media] of Object.entries<any>(response.content ?? {})) {
          for (const example of Object.values<any>(media.examples ?? {})) {
            const bytes = JSON.stringify(example.value).length;
            if (!best || bytes > best.bytes) best = { operationId: op.operationId, method: method.toUpperCase(), path, status: Number(status), mediaType, body: example.value, bytes };
          }
        }
      }
    }
  }
  if (!best) throw new Error("generated/openapi.json has no 2xx response example to benchmark");
  return best;
}

/** The value of every path parameter: a 24-hex id, which every path parameter of the document accepts. */
const PATH_PARAMETER = "32b6e34b3d91647abb20e7b8";

async function startServer(example: LargestExample): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const payload = Buffer.from(JSON.stringify(example.body));
  const server = createServer((request, response) => {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) response.writeHead(401, { "content-type": "application/json" }).end('{"error":401,"errorCode":"UNAUTHORIZED"}');
    else response.writeHead(example.status, { "content-type": example.mediaType, "content-length": payload.length }).end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const sign = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;

function timePerSyncCall(call: () => unknown, calls: number): number {
  const started = performance.now();
  for (let i = 0; i < calls; i++) call();
  return ((performance.now() - started) * 1000) / calls;
}

async function timePerCall(call: () => Promise<unknown> | unknown, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return ((performance.now() - started) * 1000) / calls;
}

async function validateEntrySize(projectRoot: string): Promise<string> {
  const result = await build({
    stdin: { contents: 'export * from "./src/validate/index.js";', resolveDir: projectRoot, loader: "ts", sourcefile: "bench-validate-entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["openapi-fetch"],
    write: false,
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]!.contents;
  return `${(bytes.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KiB minified + gzip`;
}

export async function runValidateBench(options: ValidateBenchOptions): Promise<string> {
  const example = largestExample(options.projectRoot);
  const { createAtlasClient } = await import("../src/index.js");
  const { withResponseValidation } = await import("../src/validate/index.js");
  const { checkResponse } = await import("../src/validate/check-response.js");
  const { responseValidators } = await import("../generated/response-validators.js");

  const parsed = { method: example.method, path: example.path, status: example.status, contentType: example.mediaType, body: example.body };
  if (checkResponse(responseValidators, parsed, 40) !== undefined) throw new Error(`${example.operationId}: the example does not validate; the benchmark would time the error path`);

  const server = await startServer(example);
  const samples = { pure: [] as number[], plain: [] as number[], validated: [] as number[] };
  let reports = 0;
  try {
    const plain = createAtlasClient({ baseUrl: server.baseUrl, auth: { accessToken: TOKEN } });
    const validated = withResponseValidation(createAtlasClient({ baseUrl: server.baseUrl, auth: { accessToken: TOKEN } }), { onMismatch: () => void reports++ });
    const params = { path: Object.fromEntries([...example.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, PATH_PARAMETER])) };
    type Call = (path: string, init: unknown) => Promise<{ error?: unknown }>;
    const callWith = (client: object) => async () => {
      const { error } = await (client as Record<string, Call>)[example.method]!(example.path, { params });
      if (error !== undefined) throw new Error(`${example.operationId}: ${JSON.stringify(error)}`);
    };
    const callers = { plain: callWith(plain), validated: callWith(validated) };
    const pure = () => checkResponse(responseValidators, parsed, 40);
    timePerSyncCall(pure, WARM_UP_CALLS * PURE_FACTOR);
    for (const call of Object.values(callers)) await timePerCall(call, WARM_UP_CALLS);
    // The two clients alternate in small batches, so load drift on a shared machine hits both alike;
    // each batch is one sample.
    const batch = Math.max(1, Math.floor(options.requests / BATCHES));
    for (let round = 1; round <= options.rounds; round++) {
      options.log(`validate: round ${round}/${options.rounds}`);
      samples.pure.push(timePerSyncCall(pure, options.requests * PURE_FACTOR));
      for (let b = 0; b < BATCHES; b++) {
        const order = (round + b) % 2 === 0 ? (["plain", "validated"] as const) : (["validated", "plain"] as const);
        for (const name of order) samples[name].push(await timePerCall(callers[name], batch));
      }
    }
  } finally {
    await server.close();
  }
  if (reports > 0) throw new Error(`the validated client reported ${reports} mismatches on a valid example`);

  const us = (values: number[]) => `${median(values).toFixed(1)} µs (min ${Math.min(...values).toFixed(1)})`;
  // Per-batch differences, paired by position: plain and validated batches ran back to back.
  const pairedDelta = median(samples.validated.map((v, i) => v - samples.plain[i]!));
  const delta = median(samples.validated) - median(samples.plain);
  let size: string;
  try {
    size = await validateEntrySize(options.projectRoot);
  } catch (err) {
    size = `(esbuild failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)})`;
  }
  return [
    "## Contract check (atlas-admin-openapi/validate)",
    "",
    `${example.method} ${example.path} (${example.operationId}) answering its largest 2xx example (${example.bytes} bytes of JSON,`,
    `${example.mediaType}) from a node:http server on 127.0.0.1 in this process. Sequential calls, ${options.rounds} rounds of ${options.requests} per`,
    `client in ${BATCHES} alternating batches; median (and min) of the batches' time per call. Validation alone: ${options.rounds} runs of`,
    `${options.requests * PURE_FACTOR} calls. All after warm-up.`,
    "",
    markdownTable(
      ["measurement", "time per call"],
      [
        ["validation alone (checkResponse on the parsed body)", us(samples.pure)],
        ["createAtlasClient", us(samples.plain)],
        ["withResponseValidation(createAtlasClient)", us(samples.validated)],
        ["difference (validated - plain): of the medians / median of back-to-back batch pairs", `${sign(delta)} µs / ${sign(pairedDelta)} µs`],
      ],
    ),
    "",
    `Validate entry (src/validate/index.ts with the generated validators; openapi-fetch external): ${size}.`,
  ].join("\n");
}
