/**
 * `npm run dev` (what its script execs: node scripts/run.mjs serve/dev) in a directory (a temporary copy of the project), on free ports, for the dev-loop
 * benchmark and test/dev: start it, wait for lines of its output, read its server-sent events, stop it.
 * It runs in its own process group, so stopping it also stops the Prism mock it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../scripts/serve/prism-server.js";

export interface DevSession {
  docsUrl: string;
  mockUrl: string;
  /** Everything dev has printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when dev's output (from `from` on) matches `pattern`; rejects after timeoutMs with the output. */
  waitForOutput(pattern: RegExp, timeoutMs: number, from?: number): Promise<string>;
  /** Subscribes to the page's server-sent events, as the reload script does. */
  subscribe(): Promise<EventStream>;
  /** The page as the browser gets it. */
  page(): Promise<string>;
  /** Stops dev (SIGTERM to its group, SIGKILL after 5 s); returns its exit code. */
  stop(): Promise<number | null>;
}

export async function startDevSession(dir: string, options: { readyTimeoutMs?: number } = {}): Promise<DevSession> {
  const [docsPort, mockPort] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(process.execPath, ["scripts/run.mjs", "serve/dev"], {
    cwd: dir,
    env: { ...process.env, DOCS_PORT: String(docsPort), MOCK_PORT: String(mockPort), REDOCLY_TELEMETRY: "off", NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const listeners = new Set<() => void>();
  const keep = (chunk: Buffer): void => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const listener of listeners) listener();
  });

  const waitForOutput = (pattern: RegExp, timeoutMs: number, from = 0): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(output.slice(from));
        if (match) {
          done();
          resolve(match[0]);
        } else if (hasExited) {
          done();
          reject(new Error(`npm run dev exited before printing ${pattern}:\n${output}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`npm run dev did not print ${pattern} within ${timeoutMs / 1000} s:\n${output}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || hasExited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const stop = async (): Promise<number | null> => {
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const session: DevSession = {
    docsUrl: `http://127.0.0.1:${docsPort}`,
    mockUrl: `http://127.0.0.1:${mockPort}`,
    output: () => output,
    waitForOutput,
    subscribe: () => subscribeToEvents(`${session.docsUrl}/__dev/events`),
    page: async () => (await fetch(`${session.docsUrl}/`, { signal: AbortSignal.timeout(10_000) })).text(),
    stop,
  };
  try {
    await waitForOutput(/\[dev\] ready/, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return session;
}

/**
 * `text` with `marker` appended to its first one-line `description:` (a plain scalar, not a block):
 * an author's edit that changes the docs page and nothing else.
 */
export function withDescriptionMarker(text: string, marker: string): string {
  const line = /^(\s*description: )([^|>\n'"][^\n]*)$/m;
  if (!line.test(text)) throw new Error("no one-line description to edit");
  return text.replace(line, (_all, key: string, value: string) => `${key}${value} ${marker}`);
}

/** `text` with `marker` appended to its first operation `summary:` (two-space indent: under the method). */
export function withSummaryMarker(text: string, marker: string): string {
  const line = /^(  summary: )([^|>\n'"][^\n]*)$/m;
  if (!line.test(text)) throw new Error("no operation summary to edit");
  return text.replace(line, (_all, key: string, value: string) => `${key}${value} ${marker}`);
}

export interface ServerEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  /** The next event named `name` received after this call; rejects after timeoutMs. */
  next(name: string, timeoutMs: number): Promise<ServerEvent>;
  /** Every event received so far. */
  received(): ServerEvent[];
  close(): void;
}

/** A minimal server-sent events reader over fetch (Node has no EventSource before version 22). */
export async function subscribeToEvents(url: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  const all: ServerEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== undefined) all.push({ event, data: data === undefined ? undefined : JSON.parse(data) });
        }
        for (const waiter of waiters) waiter();
      }
    } catch {
      // Closed.
    }
  })();
  return {
    received: () => [...all],
    close: () => abort.abort(),
    next: (name, timeoutMs) =>
      new Promise((resolve, reject) => {
        let consumed = all.length;
        const check = (): void => {
          while (consumed < all.length) {
            const event = all[consumed++]!;
            if (event.event === name) {
              done();
              resolve(event);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no "${name}" event within ${timeoutMs / 1000} s (received: ${all.map((e) => e.event).join(", ") || "none"})`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
  };
}
