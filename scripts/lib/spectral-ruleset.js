// The project's Spectral ruleset (.spectral.yaml: spectral:oas plus .spectral/), loaded the way
// spectral-cli loads it: YAML migrated, then bundled with rollup using the builtins and commonjs
// plugins, so the custom functions and their node_modules imports run as under the CLI.
// JavaScript (typed by the .d.ts beside it) because the Spectral worker thread imports it too.
import * as fs from "node:fs";
import { resolve } from "node:path";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { builtins } from "@stoplight/spectral-ruleset-bundler/plugins/builtins";
import { commonjs } from "@stoplight/spectral-ruleset-bundler/plugins/commonjs";

export function loadSpectralRuleset(rulesetFile) {
  return bundleAndLoadRuleset(resolve(rulesetFile), { fs, fetch: globalThis.fetch }, [builtins(), commonjs()]);
}
