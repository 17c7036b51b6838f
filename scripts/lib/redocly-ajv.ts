/**
 * Redocly's example rules (no-invalid-media-type-examples and its siblings) compile one ajv validator
 * per schema they meet. Profiled at 2,000 and 6,000 synthesised operations (bench/PROFILE.md), that
 * compilation is about two thirds of `redocly lint`, and ajv's optimisation pass over the generated code
 * (dead-branch removal and name inlining: faster validators for programs that validate many values)
 * is 40 % of the compilation. The lint runs each validator once or twice, so the pass does not pay.
 *
 * Redocly builds its ajv instances itself (rules/ajv.js, options not configurable), so this turns the
 * pass off the only way available: CodeGen.optimize of @redocly/ajv is called with 0 rounds, which is
 * what ajv's documented option `code: { optimize: false }` does. Validation and error objects are the
 * same (test/scripts/redocly-lint.test.ts compares the findings with those of the unmodified CLI).
 * Only the lint worker's copy of the module is changed (a worker thread has its own module instances).
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

interface CodeGenClass {
  prototype: { optimize(rounds?: number): void };
}

/** True when the pass is now off; false when @redocly/ajv is not the version this was written for (the lint is then only slower). */
export function skipAjvCodeOptimisation(): boolean {
  // The copy of @redocly/ajv that @redocly/openapi-core itself resolves.
  const require = createRequire(fileURLToPath(import.meta.resolve("@redocly/openapi-core")));
  let version: string;
  let CodeGen: CodeGenClass | undefined;
  try {
    version = (require("@redocly/ajv/package.json") as { version: string }).version;
    CodeGen = (require("@redocly/ajv/dist/compile/codegen/index.js") as { CodeGen?: CodeGenClass }).CodeGen;
  } catch {
    return false;
  }
  if (!version.startsWith("8.") || typeof CodeGen?.prototype.optimize !== "function") return false;
  const optimize = CodeGen.prototype.optimize;
  if ((optimize as { skipped?: boolean }).skipped) return true;
  const skipped = function (this: unknown): void {
    optimize.call(this, 0);
  };
  skipped.skipped = true;
  CodeGen.prototype.optimize = skipped;
  return true;
}
