// The project's Spectral ruleset (.spectral.yaml: spectral:oas plus .spectral/), loaded the way
// spectral-cli loads it: YAML migrated, then bundled with rollup using the builtins and commonjs
// plugins, so the custom functions and their node_modules imports run as under the CLI.
// JavaScript (typed by the .d.ts beside it) because the Spectral worker thread imports it too.
import * as fs from "node:fs";
import { resolve } from "node:path";
import { Document, Spectral } from "@stoplight/spectral-core";
import parsers from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { builtins } from "@stoplight/spectral-ruleset-bundler/plugins/builtins";
import { commonjs } from "@stoplight/spectral-ruleset-bundler/plugins/commonjs";
// Spectral's $ref resolution in linear time (see the module).
import "./dependency-graph-linear.js";

export function loadSpectralRuleset(rulesetFile) {
  return bundleAndLoadRuleset(resolve(rulesetFile), { fs, fetch: globalThis.fetch }, [builtins(), commonjs()]);
}

/**
 * Lints YAML text, named `file` in the results, with a loaded ruleset: what the build's worker runs
 * (spectral.worker.mjs) and what bench/spectral-scale.ts times. Results are plain objects, line 1-based.
 */
export async function lintWithSpectral(ruleset, yaml, file) {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(yaml, parsers.Yaml, file));
  return results.map((r) => ({ code: String(r.code), message: r.message, severity: r.severity, source: r.source, line: r.range.start.line + 1 }));
}
