/**
 * Every code sample the bundled document carries (x-codeSamples), proven against the Atlas mock (its
 * stateless layer: the samples all send the document's one request example, and a stateful mock would
 * answer a second createProject of that name with 409, as Atlas would):
 *  - cURL (service account): run with the real curl, the host swapped for the mock's and $ACCESS_TOKEN
 *    set to the mock's test token; it must get the documented 2xx, in the versioned media type;
 *  - cURL (API key): run for real the same way with $PUBLIC_KEY and $PRIVATE_KEY set to the mock's test
 *    key pair (curl answers the mock's digest challenge); its arguments are also checked to be the
 *    service-account sample's with the bearer header swapped for `--digest --user $PUBLIC_KEY:$PRIVATE_KEY`;
 *  - TypeScript: type-checked with tsc --strict in a consumer project with the packed package
 *    installed, then run there against the mock (client options swapped: the mock's URL, the test token,
 *    and a fetch that reports status and sl-violations).
 * Each test is named after the operation and the sample's language.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { TYPESCRIPT_CLIENT_AUTH } from "../../scripts/bundle/code-samples.js";
import { readBundledDocument, type JsonObject } from "../support/bundled-document.js";
import { SampleTally } from "../support/case-tally.js";
import { curlArguments, operationSamples, runBash } from "../support/code-samples.js";
import { createConsumerProject, repoRoot, type ConsumerProject } from "../support/consumer-project.js";
import { MOCK_ACCESS_TOKEN, mediaTypesOf } from "../support/contract-client.js";
import { CREDENTIALS } from "../support/atlas-layer.js";

const baseUrl = inject("mockStatelessBaseUrl");
const doc = readBundledDocument();
const serverUrl = String(((doc.servers as JsonObject[])[0] as JsonObject).url).replace(/\/+$/, "");
const cases = operationSamples(doc).map((c) => ({ ...c, name: c.op.operationId }));
const tally = new SampleTally();
const AUTH_BEARER = ["--header", `Authorization: Bearer ${MOCK_ACCESS_TOKEN}`];

afterAll(() => {
  console.log(tally.line());
});

/** Response headers curl dumped (the last response's, lower-case names). */
function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

describe("cURL samples", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "curl-samples-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Runs a curl sample against the mock; it must get the documented 2xx in the versioned media type. */
  function runAgainstMock({ op, success }: (typeof cases)[number], source: string, env: Record<string, string>, name: string): void {
    expect(source, `${op.operationId}: the sample calls ${serverUrl}`).toContain(`'${serverUrl}/`);
    const headersFile = join(work, `${op.operationId}.${name}.headers`);
    const bodyFile = join(work, `${op.operationId}.${name}.body`);
    const script = `${source.replaceAll(serverUrl, baseUrl).trimEnd()} \\\n  --silent --show-error --dump-header '${headersFile}' --output '${bodyFile}' --write-out '%{http_code}'`;
    const run = runBash(script, env);
    expect(run.stderr, `${op.operationId}: curl reported`).toBe("");
    expect(run.status, `${op.operationId}: curl exit code`).toBe(0);
    const headers = parseHeaders(readFileSync(headersFile, "utf8"));
    expect(Number(run.stdout), `${op.operationId}: status; body ${readFileSync(bodyFile, "utf8")}`).toBe(success);
    const content = op.responses.find((r) => Number(r.code) === success)?.contents.find((c) => c.mediaType === mediaTypesOf(op).accept);
    if (content?.schemaPointer !== undefined) {
      expect(headers.get("content-type")?.split(";")[0], `${op.operationId}: response media type`).toBe(content.mediaType);
      expect(() => JSON.parse(readFileSync(bodyFile, "utf8")), `${op.operationId}: a JSON body`).not.toThrow();
    }
  }

  test.each(cases)("$name: cURL (service account) gets its documented 2xx from the mock", (c) => {
    runAgainstMock(c, c.samples.curlServiceAccount.source, { ACCESS_TOKEN: MOCK_ACCESS_TOKEN }, "bearer");
    tally.curlExecuted();
  });

  test.each(cases)("$name: cURL (API key) answers the digest challenge and gets its documented 2xx from the mock", (c) => {
    runAgainstMock(c, c.samples.curlApiKey.source, { PUBLIC_KEY: CREDENTIALS.publicKey, PRIVATE_KEY: CREDENTIALS.privateKey }, "digest");
    tally.digestExecuted();
  });

  test.each(cases)("$name: cURL (service account) sends the documented media types and request example", ({ op, samples }) => {
    const args = curlArguments(samples.curlServiceAccount.source, { ACCESS_TOKEN: MOCK_ACCESS_TOKEN });
    const headers = args.filter((_, i) => args[i - 1] === "--header");
    const { accept, contentType } = mediaTypesOf(op);
    expect(headers, `${op.operationId}: Accept`).toContain(`Accept: ${accept}`);
    const data = args.filter((_, i) => args[i - 1] === "--data");
    if (contentType === undefined) {
      expect(data, `${op.operationId}: no body`).toEqual([]);
      return;
    }
    // Prism takes any JSON Content-Type, so the versioned one is checked here.
    expect(headers, `${op.operationId}: Content-Type`).toContain(`Content-Type: ${contentType}`);
    const example = op.requestBody?.contents.find((c) => c.mediaType === contentType)?.examples.values().next().value;
    expect(data.map((d) => JSON.parse(d) as unknown), `${op.operationId}: the body is the document's request example`).toEqual([example]);
  });

  test.each(cases)("$name: cURL (API key) is the same request with digest authentication", ({ op, samples }) => {
    const digest = samples.curlApiKey.source;
    expect(digest).toContain(`--digest --user "$PUBLIC_KEY:$PRIVATE_KEY"`);
    const digestArgs = curlArguments(digest, { PUBLIC_KEY: "public-key", PRIVATE_KEY: "private-key" });
    const bearerArgs = curlArguments(samples.curlServiceAccount.source, { ACCESS_TOKEN: MOCK_ACCESS_TOKEN });
    const at = digestArgs.indexOf("--digest");
    expect(digestArgs.slice(at, at + 3), `${op.operationId}: digest arguments`).toEqual(["--digest", "--user", "public-key:private-key"]);
    expect(digestArgs.some((arg) => /^authorization:/i.test(arg)), `${op.operationId}: no Authorization header beside digest`).toBe(false);
    const bearerAt = bearerArgs.findIndex((arg, i) => arg === AUTH_BEARER[0] && bearerArgs[i + 1] === AUTH_BEARER[1]);
    expect(bearerAt, `${op.operationId}: the service-account sample's bearer header`).toBeGreaterThan(-1);
    const withoutAuth = (args: string[], from: number, count: number) => [...args.slice(0, from), ...args.slice(from + count)];
    expect(withoutAuth(digestArgs, at, 3), `${op.operationId}: URL, headers and body`).toEqual(withoutAuth(bearerArgs, bearerAt, 2));
  });
});

/** Prepended to the mock variant: a fetch that reports what the mock answered on stderr. */
const REPORTING_FETCH = `const reportingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  console.error(\`SAMPLE-RESPONSE \${JSON.stringify({ status: response.status, violations: response.headers.get("sl-violations") })}\`);
  return response;
};
`;

/** The sample pointed at the mock: its client options swapped, nothing else touched. */
function mockVariant(operationId: string, source: string): string {
  const auth = `  ${TYPESCRIPT_CLIENT_AUTH},\n`;
  if (!source.includes(auth)) throw new Error(`${operationId}: the TypeScript sample no longer creates its client with \`${TYPESCRIPT_CLIENT_AUTH}\``);
  const options = "  baseUrl: process.env.MOCK_BASE_URL!,\n  auth: { accessToken: process.env.ACCESS_TOKEN! },\n  fetch: reportingFetch,\n";
  const [importLine, ...rest] = source.replace(/^ {2}baseUrl: .*,\n/m, "").replace(auth, options).split("\n");
  return [importLine, REPORTING_FETCH, ...rest].join("\n");
}

const SAMPLES_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    outDir: "out",
    rootDir: ".",
    typeRoots: [join(repoRoot, "node_modules", "@types")],
    types: ["node"],
  },
  include: ["samples/*.ts", "mock/*.ts"],
};

describe("TypeScript samples", () => {
  let consumer: ConsumerProject;
  /** tsc's diagnostics, by file. */
  const diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    consumer = createConsumerProject("atlas-samples-");
    for (const { op, samples } of cases) {
      consumer.write(`samples/${op.operationId}.ts`, samples.typescript.source);
      consumer.write(`mock/${op.operationId}.ts`, mockVariant(op.operationId, samples.typescript.source));
    }
    consumer.write("tsconfig.json", JSON.stringify(SAMPLES_TSCONFIG));
    const result = consumer.tsc("tsconfig.json");
    for (const line of result.stdout.split("\n")) {
      const file = /^(\S+\.ts)\(\d+,\d+\): error TS\d+/.exec(line)?.[1];
      if (file) diagnostics.set(file, [...(diagnostics.get(file) ?? []), line]);
    }
    if (result.status !== 0 && diagnostics.size === 0) throw new Error(`tsc failed without diagnostics: ${result.stdout}${result.stderr}`);
  }, 120_000);
  afterAll(() => consumer?.remove());

  test.each(cases)("$name: TypeScript type-checks with tsc --strict against the packed package", ({ op }) => {
    expect(diagnostics.get(`samples/${op.operationId}.ts`) ?? [], `${op.operationId}: tsc errors`).toEqual([]);
    expect(diagnostics.get(`mock/${op.operationId}.ts`) ?? [], `${op.operationId}: tsc errors of the mock variant`).toEqual([]);
  });

  test.each(cases)("$name: TypeScript gets its documented 2xx from the mock", ({ op, success }) => {
    const run = spawnSync(process.execPath, [join("out", "mock", `${op.operationId}.js`)], {
      cwd: consumer.dir,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", MOCK_BASE_URL: baseUrl, ACCESS_TOKEN: MOCK_ACCESS_TOKEN },
      timeout: 30_000,
    });
    expect(run.status, `${op.operationId}: the sample exited with ${run.status}:\n${run.stderr}`).toBe(0);
    const reports = run.stderr
      .split("\n")
      .filter((line) => line.startsWith("SAMPLE-RESPONSE "))
      .map((line) => JSON.parse(line.slice("SAMPLE-RESPONSE ".length)) as { status: number; violations: string | null });
    expect(reports, `${op.operationId}: one request, answered with the documented status and no sl-violations`).toEqual([{ status: success, violations: null }]);
    tally.typescriptExecuted();
  });
});
