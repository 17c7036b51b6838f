/**
 * Spectral, in process, with the project's ruleset (.spectral.yaml: spectral:oas plus .spectral/),
 * loaded the way spectral-cli loads it (YAML migrated, then bundled with rollup using the builtins and
 * commonjs plugins, so the custom functions and their node_modules imports run as under the CLI).
 * The ruleset is loaded once per process: `npm run dev` reloads it only when .spectral* changes.
 */
import * as fs from "node:fs";
import { resolve } from "node:path";
import { Document, Spectral, type ISpectralDiagnostic, type Ruleset } from "@stoplight/spectral-core";
import parsers from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { builtins } from "@stoplight/spectral-ruleset-bundler/plugins/builtins";
import { commonjs } from "@stoplight/spectral-ruleset-bundler/plugins/commonjs";
import type { Problem, Severity } from "./problems.js";

export function loadSpectralRuleset(rulesetFile: string): Promise<Ruleset> {
  return bundleAndLoadRuleset(resolve(rulesetFile), { fs, fetch: globalThis.fetch }, [builtins(), commonjs()]);
}

const SEVERITIES: Severity[] = ["error", "warning", "info", "hint"];

function toProblem(result: ISpectralDiagnostic, file: string): Problem {
  return {
    file: result.source ?? file,
    line: result.range.start.line + 1,
    rule: String(result.code),
    message: result.message,
    severity: SEVERITIES[result.severity] ?? "error",
    tool: "spectral",
  };
}

/** Lints YAML text as the file `file` (the bundled copy Spectral reads, so lines point into it). */
export async function spectralLint(ruleset: Ruleset, yamlText: string, file: string): Promise<Problem[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(yamlText, parsers.Yaml, file));
  return results.map((result) => toProblem(result, file));
}
