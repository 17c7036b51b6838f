/**
 * `npm start`: serves the static documentation (dist/docs) on http://127.0.0.1:8080 and runs the
 * Prism mock of the bundled document (dist/openapi.yaml) on http://127.0.0.1:4010.
 * Ctrl-C (SIGINT) or SIGTERM stops both and exits 0; if either fails to start or the mock dies,
 * the other is stopped too and the exit code is 1.
 * The npm script is `exec node --import tsx scripts/start.ts`: `exec` so no shell sits between npm
 * and node (dash dies of the SIGINT itself, making npm report a failure), and tsx's loader rather
 * than its CLI so no wrapper process relays (and escalates) the signal a second time.
 *
 * Environment (for tests and for running beside something else):
 *   DOCS_PORT, MOCK_PORT  ports to listen on (defaults 8080 and 4010);
 *   DOCS_DIR              directory served as the docs site (default dist/docs);
 *   MOCK_DOCUMENT         document Prism mocks (default dist/openapi.yaml).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const host = "127.0.0.1";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

class StartError extends Error {}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new StartError(`${name} must be a port number from 1 to 65535, got "${raw}"`);
  }
  return value;
}

function existingFile(path: string, hint: string): string {
  if (!existsSync(path) || !statSync(path).isFile()) throw new StartError(`${path} not found: ${hint}`);
  return path;
}

/** Serves files below `dir` (GET and HEAD); "/" and directories map to their index.html. */
function createStaticServer(dir: string): Server {
  return createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", `http://${host}`).pathname);
    } catch {
      response.writeHead(400).end("bad request path\n");
      return;
    }
    let file = resolve(dir, `.${pathname}`);
    // A path that climbs out of the served directory (../) is not ours to serve.
    if (file !== dir && !file.startsWith(dir + sep)) {
      response.writeHead(404).end("not found\n");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      "cache-control": "no-cache",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
}

function listen(server: Server, portNumber: number, name: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new StartError(error.code === "EADDRINUSE" ? `${name} ${portNumber} is already in use` : error.message)),
    );
    server.listen(portNumber, host, () => resolvePromise());
  });
}

/**
 * Resolves when Prism reports it is listening (a port probe could be answered by another process
 * already on that port); fails if Prism exits first or stays silent for `timeoutMs`.
 * Prism's output is passed through to ours either way.
 */
function waitForMock(mock: ChildProcess, portNumber: number, timeoutMs: number): Promise<void> {
  const ready = `Prism is listening on http://${host}:${portNumber}`;
  return new Promise((resolvePromise, reject) => {
    let seen = "";
    let started = false;
    const timer = setTimeout(() => reject(new StartError(`the mock server did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      const inUse = /EADDRINUSE/.test(seen) ? ` (MOCK_PORT ${portNumber} is already in use)` : "";
      reject(new StartError(`the mock server exited during start-up${inUse}`));
    };
    mock.once("exit", onExit);
    for (const stream of [mock.stdout, mock.stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        (stream === mock.stdout ? process.stdout : process.stderr).write(chunk);
        if (started) return;
        // Keep only a tail: enough to find the ready line across chunk boundaries.
        seen = (seen + chunk.toString()).slice(-4096);
        if (seen.includes(ready)) {
          started = true;
          clearTimeout(timer);
          mock.off("exit", onExit);
          resolvePromise();
        }
      });
    }
  });
}

/** Stops the mock: SIGTERM, then SIGKILL if it is still running after `graceMs`. */
function stopMock(mock: ChildProcess, graceMs = 5000): Promise<void> {
  if (mock.exitCode !== null || mock.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const force = setTimeout(() => mock.kill("SIGKILL"), graceMs);
    mock.once("exit", () => {
      clearTimeout(force);
      resolvePromise();
    });
    mock.kill("SIGTERM");
  });
}

async function main(): Promise<void> {
  const docsPort = port("DOCS_PORT", 8080);
  const mockPort = port("MOCK_PORT", 4010);
  const docsDir = resolve(process.env.DOCS_DIR || join(root, "dist/docs"));
  const document = resolve(process.env.MOCK_DOCUMENT || join(root, "dist/openapi.yaml"));
  existingFile(join(docsDir, "index.html"), "run `npm run docs` (or `npm run build`) first");
  existingFile(document, "run `npm run bundle` (or `npm run build`) first");

  const prism = join(root, "node_modules/.bin/prism");
  const mock = spawn(prism, ["mock", document, "-h", host, "-p", String(mockPort)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = createStaticServer(docsDir);

  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    stopping = true;
    server.closeAllConnections();
    await Promise.all([new Promise((r) => server.close(r)), stopMock(mock)]);
    process.exit(code);
  };
  // `on`, not `once`: Ctrl-C under npm arrives twice (from the terminal and forwarded by npm), and a
  // second signal without a listener would kill the process before the mock is stopped.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      console.log(`\n${signal}: stopping the docs server and the mock`);
      void stop(0);
    });
  }
  try {
    await Promise.all([listen(server, docsPort, "DOCS_PORT"), waitForMock(mock, mockPort, 30_000)]);
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
  mock.once("exit", (code, signal) => {
    if (stopping) return;
    // Ctrl-C in a terminal reaches Prism too (same process group); it exits 130 on SIGINT.
    if (signal === "SIGINT" || code === 130) return void stop(0);
    console.error(`the mock server stopped unexpectedly (${signal ?? `exit code ${code}`})`);
    void stop(1);
  });
  console.log(`Docs: http://${host}:${docsPort}/`);
  console.log(`Mock: http://${host}:${mockPort}/ (Prism, mocking ${relative(process.cwd(), document) || document})`);
  console.log("Press Ctrl-C to stop both.");
}

main().catch((error: unknown) => {
  console.error(error instanceof StartError || error instanceof Error ? error.message : error);
  process.exit(1);
});
