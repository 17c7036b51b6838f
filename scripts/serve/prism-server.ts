/**
 * Starts and stops one Prism process with the flags every caller uses (--errors: a response that breaks
 * its own schema becomes a 500), in its own process group so that stopping it stops its children.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { listen, STATIC_HOST } from "./static-server.js";

export const MOCK_HOST = STATIC_HOST;
export const DEFAULT_MOCK_PORT = 4010;
const READY_TIMEOUT_MS = 30_000;

export interface MockServer {
  url: string;
  /** Settles when Prism exits, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s; safe to call twice. */
  stop(): Promise<void>;
}

/** `extraArgs` go to `prism mock` (e.g. --dynamic); `logLevel` "warn" keeps the per-request lines out. */
export interface PrismOptions {
  document: string;
  port: number;
  extraArgs?: string[];
  output: "pipe" | "tee";
  logLevel?: "info" | "warn" | "error";
}

/** Binds `port` on MOCK_HOST and releases it; resolves with the port bound (0 picks a free one). */
async function bindAndRelease(port: number): Promise<number> {
  const server = createServer();
  const bound = await listen(server, port, "port", MOCK_HOST);
  await new Promise((resolve) => server.close(resolve));
  return bound;
}

export const freePort = (): Promise<number> => bindAndRelease(0);

/** True once Prism itself answers (its "no path matched" problem for "/"), not just anything on the port. */
const prismAnswers = (url: string): Promise<boolean> =>
  fetch(`${url}/`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.text()).then((text) => text.includes("stoplight.io/prism/errors"), () => false);

/** Starts Prism on `options.port`; a start-up failure because the port was taken has the code EADDRINUSE. */
export async function startPrism(options: PrismOptions): Promise<MockServer> {
  const url = `http://${MOCK_HOST}:${options.port}`;
  // Checked first: another Prism already on the port would pass the readiness probe while ours fails.
  await bindAndRelease(options.port);
  const args = ["mock", options.document, "--host", MOCK_HOST, "--port", String(options.port), "--errors", "--verboseLevel", options.logLevel ?? "info", ...(options.extraArgs ?? [])];
  // "tee": Prism writes to this process's terminal itself (in colour there); "pipe": its output's tail goes into errors.
  const io = options.output === "tee" ? "inherit" : "pipe";
  const cli = createRequire(import.meta.url).resolve("@stoplight/prism-cli"); // its main is the `prism` bin
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", io, io], detached: true });
  let tail = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => (tail = (tail + chunk.toString("utf8")).slice(-4_000)));
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // Only a running Prism's group: once it has exited, the group id may be gone or reused.
  const kill = (signal: NodeJS.Signals): void => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {} // the group is already gone
  };
  // Kills Prism if this process ends without stop(): on exit, or on a SIGINT/SIGTERM that nothing else handles.
  const onExit = (): void => kill("SIGKILL");
  const onSignal = (signal: NodeJS.Signals): void => {
    if (process.listenerCount(signal) > 1) return;
    onExit();
    detach(); // re-raised without our listener, so the default action (exit) still happens
    process.kill(process.pid, signal);
  };
  const detach = (): void => void process.off("exit", onExit).off("SIGINT", onSignal).off("SIGTERM", onSignal);
  process.once("exit", onExit).on("SIGINT", onSignal).on("SIGTERM", onSignal);
  const stop = async (): Promise<void> => {
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    detach();
  };
  const failure = (message: string, code?: string) => Object.assign(new Error(`${message}${tail && `:\n${tail}`}`), { code });
  for (const deadline = Date.now() + READY_TIMEOUT_MS; ; await sleep(100)) {
    const answered = await prismAnswers(url);
    if (child.exitCode !== null || child.signalCode !== null) {
      detach();
      throw failure(`Prism exited (${child.exitCode ?? child.signalCode}) before answering on ${url}`, tail.includes("EADDRINUSE") ? "EADDRINUSE" : undefined);
    }
    if (answered) return { url, exited, stop };
    if (Date.now() > deadline) {
      await stop();
      throw failure(`Prism did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s`);
    }
  }
}
