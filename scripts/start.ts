/**
 * `npm start`: serves the static documentation (dist/docs) on http://127.0.0.1:8080 and runs the
 * Prism mock of the bundled document (dist/openapi.yaml) on http://127.0.0.1:4010, started by
 * scripts/lib/prism-server.ts exactly as `npm run mock` and the contract tests start it (--errors included).
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
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { defaultOutput as docsPage } from "./build-docs.js";
import { BUNDLE_YAML } from "./lib/bundle-paths.js";
import { onStopSignal } from "./lib/on-stop-signal.js";
import { portFromEnv } from "./lib/port-from-env.js";
import { DEFAULT_MOCK_PORT, PrismStartError, startPrism, type MockServer } from "./lib/prism-server.js";

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

function existingFile(path: string, hint: string): string {
  if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`${path} not found: ${hint}`);
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
      reject(new Error(error.code === "EADDRINUSE" ? `${name} ${portNumber} is already in use` : error.message)),
    );
    server.listen(portNumber, host, () => resolvePromise());
  });
}

/** Prism with the same flags as `npm run mock` and the tests; its output is passed through to ours. */
async function startMock(document: string, port: number): Promise<MockServer> {
  try {
    return await startPrism({ document, port, output: "tee", logLevel: "info" });
  } catch (error) {
    if (!(error instanceof PrismStartError)) throw error;
    throw new Error(error.addressInUse ? `the mock server exited during start-up (MOCK_PORT ${port} is already in use)` : `the mock server did not start: ${error.message}`);
  }
}

async function main(): Promise<void> {
  const docsPort = portFromEnv("DOCS_PORT", 8080);
  const mockPort = portFromEnv("MOCK_PORT", DEFAULT_MOCK_PORT);
  const docsDir = resolve(process.env.DOCS_DIR || dirname(docsPage));
  const document = resolve(process.env.MOCK_DOCUMENT || BUNDLE_YAML);
  existingFile(join(docsDir, "index.html"), "run `npm run docs` (or `npm run build`) first");
  existingFile(document, "run `npm run bundle` (or `npm run build`) first");

  const server = createStaticServer(docsDir);
  let mock: MockServer | undefined;
  let stopping = false;
  // A mock still starting has no handle to stop yet: process.exit ends it (startPrism's exit hook).
  const stop = async (code: number): Promise<never> => {
    stopping = true;
    server.closeAllConnections();
    await Promise.all([new Promise((r) => server.close(r)), mock?.stop()]);
    process.exit(code);
  };
  onStopSignal((signal) => {
    if (stopping) return;
    console.log(`\n${signal}: stopping the docs server and the mock`);
    void stop(0);
  });
  try {
    [, mock] = await Promise.all([listen(server, docsPort, "DOCS_PORT"), startMock(document, mockPort)]);
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
  if (stopping || !mock) return;
  void mock.exited.then((code) => {
    if (stopping) return;
    console.error(`the mock server stopped unexpectedly (exit code ${code ?? "none, killed by a signal"})`);
    void stop(1);
  });
  console.log(`Docs: http://${host}:${docsPort}/`);
  console.log(`Mock: ${mock.url}/ (Prism, mocking ${relative(process.cwd(), document) || document})`);
  console.log("Press Ctrl-C to stop both.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
