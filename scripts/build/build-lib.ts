/**
 * `npm run build:lib`: src/ to dist/lib/ as `tsc -p tsconfig.build.json` does, plus the generated
 * JavaScript modules (generated/*.js and their .d.ts), which tsc does not compile but copies here
 * (scripts/build/compile-lib.ts; the same step as in `npm run build`). Type errors print as
 * `file:line TSnnnn message` and exit 1.
 */
import { fileURLToPath } from "node:url";
import { LibCompiler } from "./compile-lib.js";
import { failsBuild, formatProblem } from "../common/problems.js";
import { projectPaths } from "../common/project-paths.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function main(): Promise<number> {
  const paths = projectPaths(root);
  const compiler = new LibCompiler(paths.libTsconfig, paths.libBuildInfo);
  try {
    const problems = await compiler.compile();
    for (const problem of problems) console.log(formatProblem(problem, root));
    return problems.some(failsBuild) ? 1 : 0;
  } finally {
    await compiler.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
