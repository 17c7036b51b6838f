import type { Ruleset } from "@stoplight/spectral-core";

/** The project's Spectral ruleset, loaded as spectral-cli loads it. */
export function loadSpectralRuleset(rulesetFile: string): Promise<Ruleset>;
