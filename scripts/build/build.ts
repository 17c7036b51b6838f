/**
 * `npm run build` in one Node process (scripts/build/build-pipeline.ts), stopping at the first failing
 * stage. Any finding of Redocly or Spectral, warnings included, fails the build with one
 * `file:line rule message` line per finding (exit 1); the outputs are written only once the lint passed.
 */
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { failsBuild, formatProblem, ProblemsError } from "../common/problems.js";
import { Builder, LIB_STEP, OUTPUT_STEPS, projectPaths, seconds } from "./build-pipeline.js";

const started = performance.now();
const root = fileURLToPath(new URL("../..", import.meta.url));
const log = (line: string) => console.log(line);
const builder = new Builder(projectPaths(root), log);
try {
  // generated/lib compiles from the start, in tsc's child process; again at the end if the types step changed generated/.
  let lib = builder.timed(LIB_STEP, () => builder.compileLib());
  lib.catch(() => undefined); // awaited below
  const { bundled, problems: redocly } = await builder.lintAndBundle();
  // Both linters' findings, Redocly's first, in one report.
  const problems = [...redocly, ...(await builder.spectral(bundled))];
  if (problems.some(failsBuild)) throw new ProblemsError("lint", problems, root);
  for (const problem of problems) log(`note: ${formatProblem(problem, root)}`);
  const changed = await builder.outputs(bundled.document, OUTPUT_STEPS, bundled.yaml);
  const { commitDocs, renderDocsToScratch } = await import("../docs/build-docs.js");
  await builder.timed("docs", async () => commitDocs(await renderDocsToScratch(bundled.document), builder.paths.docsPage));
  if (changed.has("generated")) lib = lib.catch(() => undefined).then(() => builder.timed(LIB_STEP, () => builder.compileLib()));
  await lib;
  const peak = process.env.BUILD_TIMINGS === "1" ? ` (peak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB)` : "";
  log(`build: ${seconds(performance.now() - started)} in one process${peak}`);
  process.exit(0); // the Spectral ruleset and the docs renderer leave handles open
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
