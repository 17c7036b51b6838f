/**
 * `npm run build` in one Node process: Redocly lint, one Redocly bundle, Spectral on that bundle,
 * then generated/openapi.{yaml,json}, generated/, generated/lib/ and dist/docs/index.html from it
 * (scripts/build/build-pipeline.ts). Any finding of Redocly or Spectral, warnings included, fails the
 * build with one `file:line rule message` line per finding; the exit code is then 1.
 */
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { Builder, buildAll, peakMemory, projectPaths, seconds } from "./build-pipeline.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function main(): Promise<void> {
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const builder = new Builder(projectPaths(root), log);
  await buildAll(builder, log);
  log(`build: ${seconds(performance.now() - started)} in one process${peakMemory()}`);
}

main().then(
  // The Spectral ruleset and the docs renderer leave handles open; the build is done.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
