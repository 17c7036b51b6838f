// Spectral with the project's ruleset (.spectral.yaml), in this process: loaded as spectral-cli loads it
// (bundled by rollup with its builtins and commonjs plugins), once, and kept for `npm run dev` until reload().
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { Document, Spectral, type Ruleset } from "@stoplight/spectral-core";
import parsers from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { builtins } from "@stoplight/spectral-ruleset-bundler/plugins/builtins";
import { commonjs } from "@stoplight/spectral-ruleset-bundler/plugins/commonjs";
import type { Problem, Severity } from "../common/problems.js";

const SEVERITIES: Severity[] = ["error", "warning", "info", "hint"];

export function loadSpectralRuleset(rulesetFile: string): Promise<Ruleset> {
  return bundleAndLoadRuleset(rulesetFile, { fs, fetch: globalThis.fetch }, [builtins(), commonjs()]);
}

// The YAML parser of Spectral's own parser (@stoplight/yaml, a dependency of spectral-parsers).
const { parseWithPointers } = createRequire(createRequire(import.meta.url).resolve("@stoplight/spectral-parsers"))("@stoplight/yaml");
// The text is a serialised object (no duplicate keys, no order to keep) parsed only for lines: the linear options.
const LOCATIONS_ONLY = { json: true, ignoreDuplicateKeys: true, preserveKeyOrder: false, mergeKeys: false, attachComments: false };

/** A parser for a document in memory: Spectral lints `data` (what `yaml` serialises); the text is parsed only for a finding's line. */
function inMemoryParser(yaml: string, data: unknown): typeof parsers.Yaml {
  let located: unknown;
  return {
    ...parsers.Yaml,
    parse: () => ({ data, diagnostics: [], ast: undefined, lineMap: undefined, comments: {} }),
    getLocationForJsonPath: (_parsed: unknown, path: Parameters<typeof parsers.Yaml.getLocationForJsonPath>[1]) =>
      parsers.Yaml.getLocationForJsonPath((located ??= parseWithPointers(yaml, LOCATIONS_ONLY)) as never, path),
  } as unknown as typeof parsers.Yaml;
}

/** Lints YAML text named `file`; with `data` (the plain JSON the text serialises) the text is parsed only for lines. */
export async function lintWithSpectral(ruleset: Ruleset, yaml: string, file: string, data?: unknown): Promise<Problem[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(yaml, data === undefined ? parsers.Yaml : inMemoryParser(yaml, data), file));
  return results.map((r) => ({ file: r.source ?? file, line: r.range.start.line + 1, rule: String(r.code), message: r.message, severity: SEVERITIES[r.severity] ?? "error", tool: "spectral" }));
}

export class SpectralLinter {
  private ruleset: Promise<Ruleset> | undefined;

  constructor(private readonly rulesetFile: string) {}

  /** The ruleset changed: load it again on the next lint. */
  reload(): void {
    this.ruleset = undefined;
  }

  /** Lints the bundle's text as `file`; `document` is the object it serialises (see inMemoryParser). */
  async lint(yaml: string, file: string, document?: object): Promise<Problem[]> {
    this.ruleset ??= loadSpectralRuleset(this.rulesetFile);
    this.ruleset.catch(() => (this.ruleset = undefined)); // a broken ruleset is reported, and retried after an edit
    return lintWithSpectral(await this.ruleset, yaml, file, document === undefined ? undefined : JSON.parse(JSON.stringify(document)));
  }
}
