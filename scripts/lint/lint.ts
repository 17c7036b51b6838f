/**
 * `npm run lint` (or `lint -- redocly` / `lint -- spectral`): Redocly's recommended rules on the
 * source, Spectral (spectral:oas + .spectral/) on the bundle, written to dist/lint/openapi.yaml so
 * the lines Spectral names can be looked up. One line per finding, `file:line rule message`; any
 * finding at warning level or above fails (exit 1).
 * Spectral reads a bundle because spectral-cli 6.16 wrongly reports every external path-item $ref in
 * a 3.1 document as "must not have unevaluated properties" (stoplightio/spectral#2655).
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
