/**
 * `npm run mock` (docs/mock.md): the Atlas mock of generated/openapi.yaml on MOCK_PORT (4010). --stateless and
 * --plain-prism choose the mode, other arguments go to `prism mock`. If Prism dies, this exits with its code.
 */
import { existsSync } from "node:fs";
import { BUNDLE_YAML } from "../common/project-paths.js";
import { onStopSignal } from "../common/on-stop-signal.js";
import { mockSettingsFromEnv, startMock } from "./atlas/mock-server.js";

async function main(): Promise<void> {
  if (!existsSync(BUNDLE_YAML)) throw new Error("generated/openapi.yaml is missing: run npm run bundle first");
  const args = process.argv.slice(2);
  const [plainPrism, stateless] = [args.includes("--plain-prism"), args.includes("--stateless")];
  const settings = mockSettingsFromEnv();
  const extraArgs = args.filter((a) => a !== "--stateless" && a !== "--plain-prism");
  const server = await startMock({ document: BUNDLE_YAML, port: settings.port, output: "tee", logLevel: "info", extraArgs, plainPrism, stateless, ...settings.options });
  let stopping = false;
  onStopSignal((signal) => {
    stopping = true;
    console.log(`\n${signal}: stopping the mock`);
    void server.stop().then(() => process.exit(0));
  });
  if (plainPrism) console.log(`Plain Prism ready at ${server.url} (no Atlas layer: any bearer token, Prism's own errors)`);
  else console.log(`Atlas mock ready at ${server.url}${stateless ? " (stateless)" : ""}. ${settings.banner}\nSee docs/mock.md.`);
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
