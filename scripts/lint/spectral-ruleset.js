// The project's Spectral ruleset (.spectral.yaml: spectral:oas plus .spectral/), loaded the way
// spectral-cli loads it: YAML migrated, then bundled with rollup using the builtins and commonjs
// plugins, so the custom functions and their node_modules imports run as under the CLI.
// JavaScript (typed by the .d.ts beside it) because the Spectral worker thread imports it too.
import * as fs from "node:fs";
import { createRequire } from "node:module";
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

// The YAML parser Spectral's own parser uses (@stoplight/yaml, a dependency of spectral-parsers).
const { parseWithPointers } = createRequire(createRequire(import.meta.url).resolve("@stoplight/spectral-parsers"))("@stoplight/yaml");

/**
 * Options under which @stoplight/yaml's parse is linear: it checks each map key against a list of the keys
 * before it (duplicates) and keeps key order in a list it searches per key, both quadratic in the size of a
 * map (components.schemas has 18,000 entries at 6,000 operations). The text parsed here is a serialised
 * JavaScript object, so it has neither duplicate keys nor an order the object lacks; only its lines are used.
 */
const LOCATIONS_ONLY = { json: true, ignoreDuplicateKeys: true, preserveKeyOrder: false, mergeKeys: false, attachComments: false };

/**
 * A Spectral parser for a document that is already in memory: Spectral lints `data` (plain JSON data,
 * what `yaml` is the YAML serialisation of) instead of parsing the text, and the text is parsed only when a
 * finding needs its line (once). Profiled at 6,000 operations, Spectral's YAML parse of the bundle was 12 s.
 */
function parsedDocumentParser(yaml, data) {
  let located;
  return {
    parse: () => ({ data, diagnostics: [], ast: undefined, lineMap: undefined, comments: {} }),
    // As parsers.Yaml does: its getLocationForJsonPath reads only the text's AST and line map.
    getLocationForJsonPath: (_parsed, path) => parsers.Yaml.getLocationForJsonPath((located ??= parseWithPointers(yaml, LOCATIONS_ONLY)), path),
    trapAccess: parsers.Yaml.trapAccess,
  };
}

/**
 * Lints YAML text, named `file` in the results, with a loaded ruleset: what the build's worker runs
 * (spectral.worker.mjs) and what bench/spectral-scale.ts times. Results are plain objects, line 1-based.
 * `data`, when given, is the document the text serialises (e.g. JSON.parse of the bundle's JSON): Spectral
 * then lints it without parsing the text (see parsedDocumentParser); lines still point into the text.
 */
export async function lintWithSpectral(ruleset, yaml, file, data) {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const parser = data === undefined ? parsers.Yaml : parsedDocumentParser(yaml, data);
  const results = await spectral.run(new Document(yaml, parser, file));
  return results.map((r) => ({ code: String(r.code), message: r.message, severity: r.severity, source: r.source, line: r.range.start.line + 1 }));
}
