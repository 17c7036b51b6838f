/**
 * `npm run mock`: Prism serving the examples of dist/openapi.yaml at http://127.0.0.1:4010, with request
 * validation (invalid requests get 4xx and an sl-violations header) and --errors (an example that breaks
 * its own schema becomes a 500). Extra arguments go to `prism mock`, e.g. `npm run mock -- --dynamic`.
 * MOCK_PORT changes the port. Ctrl-C or SIGTERM stops Prism; if Prism dies, this exits with its code.
 */
import { existsSync } from "node:fs";
import { BUNDLE_YAML } from "../test/support/bundled-document.js";
import { DEFAULT_MOCK_PORT, startPrism } from "../test/support/prism-server.js";

function mockPort(): number {
  const text = process.env.MOCK_PORT;
  if (text === undefined || text === "") return DEFAULT_MOCK_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`MOCK_PORT must be a port number (1-65535), got ${JSON.stringify(text)}`);
  return port;
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE_YAML)) throw new Error("dist/openapi.yaml is missing: run npm run bundle first");
  const server = await startPrism({ document: BUNDLE_YAML, port: mockPort(), output: "inherit", logLevel: "info", extraArgs: process.argv.slice(2) });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    stopping = true;
    console.log(`\n${signal}: stopping the mock`);
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log(`Mock ready at ${server.url} (send Authorization: Bearer <any token>; see README "Mock server")`);
  const code = await server.exited;
  if (!stopping) {
    console.error(`Prism stopped unexpectedly (exit code ${code ?? "none, killed by a signal"})`);
    process.exit(code || 1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
