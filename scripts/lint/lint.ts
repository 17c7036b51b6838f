/**
 * `npm run lint` (or `lint -- redocly` / `lint -- spectral`): Redocly on the source, Spectral on the bundle,
 * written to dist/lint/openapi.yaml for the lines it names (a bundle: spectral-cli 6.16 misreports external
 * path-item $refs in 3.1, stoplightio/spectral#2655). One `file:line rule message` per finding; a warning or worse fails.
 */
import { fileURLToPath } from "node:url";
import { Builder, projectPaths } from "../build/build-pipeline.js";
import { failsBuild, formatProblem, ProblemsError, type Problem } from "../common/problems.js";

const WHAT = ["all", "redocly", "spectral"] as const;

async function main(): Promise<void> {
  const what = process.argv[2] ?? "all";
  if (!(WHAT as readonly string[]).includes(what)) throw new Error(`lint: unknown argument "${what}" (expected ${WHAT.join(", ")})`);
  const paths = projectPaths(fileURLToPath(new URL("../..", import.meta.url)));
  const builder = new Builder(paths, (line) => console.log(line));
  const { bundled, problems: redocly } = await builder.lintAndBundle();
  const problems: Problem[] = what === "spectral" ? [] : redocly;
  if (what !== "redocly") problems.push(...(await builder.spectral(bundled)));
  if (problems.some(failsBuild)) throw new ProblemsError("lint", problems, paths.root);
  for (const problem of problems) console.log(formatProblem(problem, paths.root));
  console.log("lint: no problems");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
