/**
 * `npm run mock`: Prism serving the examples of dist/openapi.yaml at http://127.0.0.1:4010, with request
 * validation (invalid requests get 4xx and an sl-violations header) and --errors (an example that breaks
 * its own schema becomes a 500). Extra arguments go to `prism mock`, e.g. `npm run mock -- --dynamic`.
 * MOCK_PORT changes the port. Ctrl-C or SIGTERM stops Prism; if Prism dies, this exits with its code.
 */
import { existsSync } from "node:fs";
import { BUNDLE_YAML } from "../common/project-paths.js";
import { onStopSignal } from "../common/on-stop-signal.js";
import { portFromEnv } from "./port-from-env.js";
import { DEFAULT_MOCK_PORT, PrismStartError, startPrism, type MockServer } from "./prism-server.js";

async function startMock(port: number): Promise<MockServer> {
  try {
    return await startPrism({ document: BUNDLE_YAML, port, output: "tee", logLevel: "info", extraArgs: process.argv.slice(2) });
  } catch (error) {
    if (error instanceof PrismStartError && error.addressInUse) throw new Error(`MOCK_PORT ${port} is already in use`);
    throw error;
  }
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE_YAML)) throw new Error("dist/openapi.yaml is missing: run npm run bundle first");
  const server = await startMock(portFromEnv("MOCK_PORT", DEFAULT_MOCK_PORT));
  let stopping = false;
  onStopSignal((signal) => {
    stopping = true;
    console.log(`\n${signal}: stopping the mock`);
    void server.stop().then(() => process.exit(0));
  });
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
