/**
 * `npm run build:lib`: src/ to generated/lib/ as in `npm run build` (scripts/build/compile-lib.ts).
 * Type errors print as `file:line TSnnnn message` and exit 1.
 */
import { compileLib } from "./compile-lib.js";
import { failsBuild, formatProblem } from "../common/problems.js";
import { PATHS } from "../common/project-paths.js";

const problems = await compileLib(PATHS.libTsconfig, PATHS.libBuildInfo);
for (const problem of problems) console.log(formatProblem(problem, PATHS.root));
process.exitCode = problems.some(failsBuild) ? 1 : 0;
