/**
 * `npm start`: the docs site (DOCS_DIR, default dist/docs, with the spec files it links to) on DOCS_PORT (8080)
 * and the Atlas mock of MOCK_DOCUMENT (generated/openapi.yaml) on MOCK_PORT (4010), started as `npm run mock`
 * starts it (docs/mock.md). Ctrl-C or SIGTERM stops both, exit 0; if either fails to start or the mock dies,
 * the other is stopped too, exit 1. The npm script `exec`s node: a shell in between dies of the SIGINT itself.
 */
import { statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { defaultOutput as docsPage } from "../docs/build-docs.js";
import { BUNDLE_YAML } from "../common/project-paths.js";
import { onStopSignal } from "../common/on-stop-signal.js";
import { portFromEnv } from "./port-from-env.js";
import { createStaticServer, listen, STATIC_HOST } from "./static-server.js";
import type { MockServer } from "./prism-server.js";
import { mockSettingsFromEnv, startMock } from "./atlas/mock-server.js";

function requireFile(path: string, hint: string): void {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new Error(`${path} not found: ${hint}`);
}

async function main(): Promise<void> {
  const docsPort = portFromEnv("DOCS_PORT", 8080);
  const settings = mockSettingsFromEnv();
  const docsDir = resolve(process.env.DOCS_DIR || dirname(docsPage));
  const document = resolve(process.env.MOCK_DOCUMENT || BUNDLE_YAML);
  requireFile(join(docsDir, "index.html"), "run `npm run docs` (or `npm run build`) first");
  requireFile(document, "run `npm run bundle` (or `npm run build`) first");

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
    const starting = startMock({ document, port: settings.port, output: "tee", ...settings.options }).catch((error: Error) => {
      throw new Error(`the mock server exited during start-up (${error.message})`);
    });
    [, mock] = await Promise.all([listen(server, docsPort, "DOCS_PORT"), starting]);
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : error);
    return stop(1);
  }
  if (stopping) return;
  void mock.exited.then((code) => {
    if (stopping) return;
    console.error(`the mock server stopped unexpectedly (exit code ${code ?? "none, killed by a signal"})`);
    void stop(1);
  });
  console.log(`Docs: http://${STATIC_HOST}:${docsPort}/`);
  console.log(`Mock: ${mock.url}/ (Atlas mock of ${relative(process.cwd(), document) || document}; docs/mock.md)\n${settings.banner}`);
  console.log("Press Ctrl-C to stop both.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
