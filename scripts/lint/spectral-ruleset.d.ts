import type { Ruleset } from "@stoplight/spectral-core";

/** The project's Spectral ruleset, loaded as spectral-cli loads it. */
export function loadSpectralRuleset(rulesetFile: string): Promise<Ruleset>;

/** One Spectral finding as the build's worker passes it on (line 1-based). */
export interface PlainSpectralResult {
  code: string;
  message: string;
  severity: number;
  source?: string;
  line: number;
}

/**
 * Lints YAML text, named `file` in the results, with a loaded ruleset. `data`, when given, is the plain JSON
 * data the text serialises: Spectral lints it instead of parsing the text, which is parsed only for the lines
 * of findings.
 */
export function lintWithSpectral(ruleset: Ruleset, yaml: string, file: string, data?: unknown): Promise<PlainSpectralResult[]>;
