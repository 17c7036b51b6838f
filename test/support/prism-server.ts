/**
 * Starts and stops a Prism mock of the bundled document: used by the contract tests' global setup (free
 * port, quiet) and by `npm run mock` (port 4010, logs on the terminal), so both run the same Prism the
 * same way. Prism runs in its own process group so stopping it also stops anything it spawned.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export const MOCK_HOST = "127.0.0.1";
export const DEFAULT_MOCK_PORT = 4010;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

export interface MockServer {
  url: string;
  /** Settles when Prism exits, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Stops Prism (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  document: string;
  port: number;
  /** Extra `prism mock` arguments (e.g. --dynamic). */
  extraArgs?: string[];
  /** "pipe" keeps Prism's output for error messages; "inherit" shows it (interactive use). */
  output: "pipe" | "inherit";
  /** Prism's log level; "warn" keeps the per-request lines out of test runs. */
  logLevel?: "info" | "warn" | "error";
}

/** The Prism CLI's JavaScript entry point, found through its package.json rather than a shell shim. */
export function prismEntryPoint(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin.prism;
  if (!bin) throw new Error("@stoplight/prism-cli declares no prism binary");
  return join(dirname(manifestPath), bin);
}

/**
 * `--errors` turns a response that breaks its own schema (an example that disagrees with the document)
 * into a 500 instead of a logged warning; invalid requests are rejected (400/401/404/422) either way.
 */
export function prismArguments(options: PrismOptions): string[] {
  return ["mock", options.document, "--host", MOCK_HOST, "--port", String(options.port), "--errors", "--verboseLevel", options.logLevel ?? "info", ...(options.extraArgs ?? [])];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, MOCK_HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("could not get a free port"))));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Kills Prism if this process ends without calling stop(): normal exit, or SIGINT/SIGTERM. */
function killOnParentExit(child: ChildProcess): () => void {
  const onExit = (): void => killGroup(child, "SIGKILL");
  const onSignal = (signal: NodeJS.Signals): void => {
    killGroup(child, "SIGKILL");
    // Re-raise only when nobody else handles the signal, so the default action (exit) still happens.
    detach();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = (): void => {
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return detach;
}

/** True once Prism itself answers (its "no path matched" problem for "/"), not just anything on the port. */
async function prismAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) });
    return (await response.text()).includes("stoplight.io/prism/errors");
  } catch {
    return false;
  }
}

export async function startPrism(options: PrismOptions): Promise<MockServer> {
  const url = `http://${MOCK_HOST}:${options.port}`;
  const stdio: StdioOptions = options.output === "pipe" ? ["ignore", "pipe", "pipe"] : "inherit";
  const child = spawn(process.execPath, [prismEntryPoint(), ...prismArguments(options)], { stdio, detached: true });
  let tail = "";
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString("utf8")).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const detach = killOnParentExit(child);

  const stop = async (): Promise<void> => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    detach();
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await prismAnswers(url))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      detach();
      throw new Error(`Prism exited (${child.exitCode ?? child.signalCode}) before answering on ${url}:\n${tail}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, exited, stop };
}
