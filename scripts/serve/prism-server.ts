/**
 * Starts and stops a Prism mock of a document, the one way every caller runs Prism: `npm start`
 * (scripts/serve/start.ts), `npm run mock` (scripts/serve/mock.ts) and the contract tests' global setup
 * (test/setup/prism.ts) all get the same flags, --errors included, so the mock behaves the same in each.
 * Prism runs in its own process group so stopping it also stops anything it spawned.
 */
import { spawn, type ChildProcess } from "node:child_process";
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
  /**
   * "pipe" keeps Prism's output to itself, for error messages (tests); "tee" also copies it to this
   * process's stdout and stderr as it comes (interactive use: request logs on the terminal).
   */
  output: "pipe" | "tee";
  /** Prism's log level; "warn" keeps the per-request lines out of test runs. */
  logLevel?: "info" | "warn" | "error";
}

/** Prism exited, or never answered, during start-up. */
export class PrismStartError extends Error {
  /** True when Prism could not listen because something else holds the port (EADDRINUSE). */
  readonly addressInUse: boolean;

  constructor(message: string, addressInUse: boolean) {
    super(message);
    this.name = "PrismStartError";
    this.addressInUse = addressInUse;
  }
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

/** Binds `port` on MOCK_HOST and releases it at once; resolves with the port bound (0 picks a free one). */
function bindAndRelease(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, MOCK_HOST, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : 0;
      server.close(() => (bound ? resolve(bound) : reject(new Error("could not get a free port"))));
    });
  });
}

export function freePort(): Promise<number> {
  return bindAndRelease(0);
}

async function portIsTaken(port: number): Promise<boolean> {
  try {
    await bindAndRelease(port);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") return true;
    throw error;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Kills Prism if this process ends without calling stop(): on exit, or on SIGINT/SIGTERM when nothing
 * else handles the signal. A caller with its own signal handler is left to call stop() itself (a clean
 * SIGTERM); the exit hook still covers it if it exits first.
 */
function killOnParentExit(child: ChildProcess): () => void {
  const onExit = (): void => killGroup(child, "SIGKILL");
  const onSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return;
    killGroup(child, "SIGKILL");
    // Re-raise without our listener, so the default action (exit) still happens.
    detach();
    process.kill(process.pid, signal);
  };
  const detach = (): void => {
    process.off("exit", onExit);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.once("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
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

function spawnPrism(options: PrismOptions): ChildProcess {
  const tee = options.output === "tee";
  // Piped output loses Prism's colours unless asked for; keep them when the copy goes to a terminal.
  const env = tee && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: "1" } : process.env;
  const child = spawn(process.execPath, [prismEntryPoint(), ...prismArguments(options)], { stdio: ["ignore", "pipe", "pipe"], detached: true, env });
  if (tee) {
    child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  }
  return child;
}

export async function startPrism(options: PrismOptions): Promise<MockServer> {
  const url = `http://${MOCK_HOST}:${options.port}`;
  // Checked first because another Prism already on the port would pass the readiness probe below
  // while ours fails to listen.
  if (await portIsTaken(options.port)) throw new PrismStartError(`${url} is already in use`, true);
  const child = spawnPrism(options);
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
  // With "tee" the output is already on the terminal; with "pipe" the error is the only place it shows.
  const details = (): string => (options.output === "pipe" ? `:\n${tail}` : "");

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const answered = await prismAnswers(url);
    if (child.exitCode !== null || child.signalCode !== null) {
      detach();
      throw new PrismStartError(`Prism exited (${child.exitCode ?? child.signalCode}) before answering on ${url}${details()}`, tail.includes("EADDRINUSE"));
    }
    if (answered) break;
    if (Date.now() > deadline) {
      await stop();
      throw new PrismStartError(`Prism did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s${details()}`, false);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, exited, stop };
}
