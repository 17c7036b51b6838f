/**
 * `npm start` on free ports: it serves the docs directory and the Prism mock, prints both addresses,
 * and stops both with exit code 0 on Ctrl-C (SIGINT to the whole process group, as a terminal sends
 * it) and on SIGTERM to the process alone (as a service manager sends it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_YAML } from "../../scripts/common/project-paths.js";
import { freePort } from "../../scripts/serve/prism-server.js";
import { listOperations, readBundledDocument } from "../support/bundled-document.js";
import { DEFAULT_CREDENTIALS } from "../../scripts/serve/atlas/auth.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** What `npm start` execs: one node process with tsx's loader (no tsx CLI in between to relay signals). */
const START = ["--import", "tsx", join(ROOT, "scripts/serve/start.ts")];
const PAGE = "<!doctype html><title>docs fixture</title><p>served by npm start</p>\n";

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

function start(command: string, args: string[], env: Record<string, string>): Started {
  // detached: its own process group, so the test can send the group a Ctrl-C like a terminal does.
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, output: () => output, exited };
}

/** Resolves once `text` is in the output; fails if the process exits first or `timeoutMs` passes. */
async function waitForOutput(started: Started, text: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !started.output().includes(text); ) {
    if (started.child.exitCode !== null || started.child.signalCode !== null) throw new Error(`exited before printing "${text}":\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs / 1000} s:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Raw GET, so a path like /..%2f reaches the server as written (fetch would normalise it). */
function rawGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).once("error", reject);
  });
}

describe("npm start", () => {
  let docsDir: string;
  const settings = listOperations(readBundledDocument()).find((op) => op.operationId === "getOrganizationSettings")!;
  const accept = settings.responses.find((r) => r.code === "200")!.contents[0]!.mediaType;

  beforeAll(async () => {
    docsDir = await mkdtemp(join(tmpdir(), "start-docs-"));
    await writeFile(join(docsDir, "index.html"), PAGE);
  });

  afterEach(() => {
    for (const child of running) process.kill(-child.pid!, "SIGKILL");
  });

  afterAll(async () => {
    if (docsDir) await rm(docsDir, { recursive: true, force: true });
  });

  async function ports(): Promise<{ DOCS_PORT: string; MOCK_PORT: string; docs: number; mock: number }> {
    const [docs, mock] = [await freePort(), await freePort()];
    return { DOCS_PORT: String(docs), MOCK_PORT: String(mock), docs, mock };
  }

  async function checkBothServe(started: Started, docs: number, mock: number): Promise<void> {
    await waitForOutput(started, "Press Ctrl-C");
    expect(started.output()).toContain(`Docs: http://127.0.0.1:${docs}/`);
    expect(started.output()).toContain(`Mock: http://127.0.0.1:${mock}/`);

    const page = await fetch(`http://127.0.0.1:${docs}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toBe(PAGE);
    expect((await fetch(`http://127.0.0.1:${docs}/missing.html`)).status).toBe(404);
    expect(await rawGet(docs, "/..%2fstart.test.ts")).toBe(404);

    const path = settings.path.replace("{orgId}", "4888442a3354817a7320eb61");
    const mocked = await fetch(`http://127.0.0.1:${mock}${path}`, { headers: { accept, authorization: `Bearer ${DEFAULT_CREDENTIALS.accessToken}` } });
    expect(mocked.status).toBe(200);
    expect(mocked.headers.get("content-type")).toContain(accept);
  }

  it("serves docs and mock, and stops both with exit 0 on Ctrl-C to the process group", async () => {
    const { docs, mock, ...env } = await ports();
    const started = start("npm", ["start", "--silent"], { ...env, DOCS_DIR: docsDir, MOCK_DOCUMENT: BUNDLE_YAML });
    await checkBothServe(started, docs, mock);

    process.kill(-started.child.pid!, "SIGINT");
    expect(await started.exited, started.output()).toEqual({ code: 0, signal: null });
    expect(await portIsClosed(docs)).toBe(true);
    expect(await portIsClosed(mock)).toBe(true);
  });

  it("stops both with exit 0 on SIGTERM to the process alone", async () => {
    const { docs, mock, ...env } = await ports();
    const started = start(process.execPath, START, { ...env, DOCS_DIR: docsDir, MOCK_DOCUMENT: BUNDLE_YAML });
    await checkBothServe(started, docs, mock);

    started.child.kill("SIGTERM");
    expect(await started.exited, started.output()).toEqual({ code: 0, signal: null });
    expect(await portIsClosed(docs)).toBe(true);
    expect(await portIsClosed(mock)).toBe(true);
  });

  it("names a bad port variable and exits 1", async () => {
    const started = start(process.execPath, START, { DOCS_PORT: "80a", MOCK_PORT: "4010", DOCS_DIR: docsDir, MOCK_DOCUMENT: BUNDLE_YAML });
    expect((await started.exited).code).toBe(1);
    expect(started.output()).toContain('DOCS_PORT must be a port number from 1 to 65535, got "80a"');
  });

  it("says which build step to run when the docs are missing", async () => {
    const { docs, mock, ...env } = await ports();
    const empty = join(docsDir, "no-such-dir");
    const started = start(process.execPath, START, { ...env, DOCS_DIR: empty, MOCK_DOCUMENT: BUNDLE_YAML });
    expect((await started.exited).code).toBe(1);
    expect(started.output()).toContain(`${join(empty, "index.html")} not found: run \`npm run docs\``);
    expect(await portIsClosed(docs)).toBe(true);
    expect(await portIsClosed(mock)).toBe(true);
  });

  it("stops the docs server and exits 1 when the mock cannot start", async () => {
    const { docs, mock, ...env } = await ports();
    const blocker = createServer().listen(mock, "127.0.0.1");
    try {
      const started = start(process.execPath, START, { ...env, DOCS_DIR: docsDir, MOCK_DOCUMENT: BUNDLE_YAML });
      expect((await started.exited).code, started.output()).toBe(1);
      expect(started.output()).toContain(`the mock server exited during start-up (MOCK_PORT ${mock} is already in use)`);
      expect(await portIsClosed(docs)).toBe(true);
    } finally {
      blocker.close();
    }
  });
});
