/**
 * `npm run build:lib`: src/ to generated/lib/ as `tsc -p tsconfig.build.json` does, plus the generated
 * JavaScript modules (scripts/build/compile-lib.ts; the same step as in `npm run build`). Type errors
 * print as `file:line TSnnnn message` and exit 1.
 */
import { LibCompiler } from "./compile-lib.js";
import { failsBuild, formatProblem } from "../common/problems.js";
import { PATHS } from "../common/project-paths.js";

const problems = await new LibCompiler(PATHS.libTsconfig, PATHS.libBuildInfo).compile();
for (const problem of problems) console.log(formatProblem(problem, PATHS.root));
process.exitCode = problems.some(failsBuild) ? 1 : 0;
