/**
 * Starts and stops one Prism process with the flags every caller uses (--errors: a response that breaks
 * its own schema becomes a 500). The Atlas mock (atlas/mock-server.ts) runs it behind its layer; the dev
 * loop (dev.ts) runs it directly. Prism gets its own process group so stopping it stops its children.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export const MOCK_HOST = "127.0.0.1";
export const DEFAULT_MOCK_PORT = 4010;
const READY_TIMEOUT_MS = 30_000;

export interface MockServer {
  url: string;
  /** Settles when Prism exits, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * `extraArgs` go to `prism mock` (e.g. --dynamic); `output` "pipe" keeps Prism's output for error messages,
 * "tee" also copies it to this process's stdout/stderr; `logLevel` "warn" keeps the per-request lines out.
 */
export interface PrismOptions {
  document: string;
  port: number;
  extraArgs?: string[];
  output: "pipe" | "tee";
  logLevel?: "info" | "warn" | "error";
}

/** Prism exited, or never answered, during start-up; `addressInUse` when the port was taken. */
export class PrismStartError extends Error {
  override name = "PrismStartError";
  constructor(message: string, readonly addressInUse: boolean) {
    super(message);
  }
}

/** The Prism CLI's JavaScript entry point, found through its package.json rather than a shell shim. */
function prismEntryPoint(): string {
  const manifestPath = createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json");
  const { bin } = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  return join(dirname(manifestPath), typeof bin === "string" ? bin : bin.prism!);
}

/** Binds `port` on MOCK_HOST and releases it; resolves with the port bound (0 picks a free one). */
function bindAndRelease(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(port, MOCK_HOST, () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}

export const freePort = (): Promise<number> => bindAndRelease(0);

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {} // the group is already gone
}

/**
 * Kills Prism if this process ends without calling stop(): on exit, or on SIGINT/SIGTERM when nothing
 * else handles the signal (a caller with its own handler calls stop() itself).
 */
function killOnParentExit(child: ChildProcess): () => void {
  const onExit = (): void => killGroup(child, "SIGKILL");
  const onSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return;
    killGroup(child, "SIGKILL");
    detach(); // re-raised without our listener, so the default action (exit) still happens
    process.kill(process.pid, signal);
  };
  const detach = (): void => {
    process.off("exit", onExit).off("SIGINT", onSignal).off("SIGTERM", onSignal);
  };
  process.once("exit", onExit).on("SIGINT", onSignal).on("SIGTERM", onSignal);
  return detach;
}

/** True once Prism itself answers (its "no path matched" problem for "/"), not just anything on the port. */
async function prismAnswers(url: string): Promise<boolean> {
  try {
    return (await (await fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) })).text()).includes("stoplight.io/prism/errors");
  } catch {
    return false;
  }
}

export async function startPrism(options: PrismOptions): Promise<MockServer> {
  const url = `http://${MOCK_HOST}:${options.port}`;
  // Checked first: another Prism already on the port would pass the readiness probe while ours fails.
  const taken = await bindAndRelease(options.port).then(() => false, (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? true : Promise.reject(error)));
  if (taken) throw new PrismStartError(`${url} is already in use`, true);
  const args = ["mock", options.document, "--host", MOCK_HOST, "--port", String(options.port), "--errors", "--verboseLevel", options.logLevel ?? "info", ...(options.extraArgs ?? [])];
  const tee = options.output === "tee";
  // Piped output loses Prism's colours unless asked for; keep them when the copy goes to a terminal.
  const env = tee && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: "1" } : process.env;
  const child = spawn(process.execPath, [prismEntryPoint(), ...args], { stdio: ["ignore", "pipe", "pipe"], detached: true, env });
  let tail = "";
  for (const [stream, copy] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    stream.on("data", (chunk: Buffer) => {
      tail = (tail + chunk.toString("utf8")).slice(-4_000);
      if (tee) copy.write(chunk);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const detach = killOnParentExit(child);
  const stop = async (): Promise<void> => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    detach();
  };
  // With "tee" the output is already on the terminal; with "pipe" the error is the only place it shows.
  const details = (): string => (tee ? "" : `:\n${tail}`);
  for (const deadline = Date.now() + READY_TIMEOUT_MS; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const answered = await prismAnswers(url);
    if (child.exitCode !== null || child.signalCode !== null) {
      detach();
      throw new PrismStartError(`Prism exited (${child.exitCode ?? child.signalCode}) before answering on ${url}${details()}`, tail.includes("EADDRINUSE"));
    }
    if (answered) return { url, exited, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new PrismStartError(`Prism did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s${details()}`, false);
    }
  }
}
