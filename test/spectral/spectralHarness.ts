// Runs Spectral in-process with the project's ruleset, loaded the way spectral-cli loads it
// (YAML migrated, then bundled with rollup using the builtins and commonjs plugins), so that the
// custom functions, and their imports of ajv from node_modules, run as they do under `npm run lint`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Spectral, type ISpectralDiagnostic, type Ruleset } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { bundleProject, bundleToYaml } from '../../scripts/bundle/bundler.js';
import { finishBundle } from '../../scripts/bundle/finish-bundle.js';
import { projectPaths } from '../../scripts/common/project-paths.js';
import { loadSpectralRuleset } from '../../scripts/lint/spectral.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/spectral');
const rulesetFile = path.join(repoRoot, '.spectral.yaml');
export const fixtureRulesetFile = path.join(fixturesDir, 'ruleset.yaml');

const rulesets = new Map<string, Promise<Ruleset>>();

/** The project's ruleset (.spectral.yaml: spectral:oas, IPA, .spectral/atlas.yaml), or the fixtures' (without IPA), loaded once per test file. */
export function loadRuleset(file = rulesetFile): Promise<Ruleset> {
  if (!rulesets.has(file)) rulesets.set(file, loadSpectralRuleset(file));
  return rulesets.get(file)!;
}

/** Lints YAML text as if it were the file at `source` (the path only names it in results), with the project's ruleset. */
export async function lintYaml(text: string, source: string, ruleset = rulesetFile): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset(ruleset));
  return spectral.run(new Document(text, parsers.Yaml, source));
}

/** Lints a fixture of test/fixtures/spectral with the fixtures' ruleset (IPA's functions throw on small documents). */
export async function lintFile(file: string): Promise<ISpectralDiagnostic[]> {
  return lintYaml(await fs.promises.readFile(file, 'utf8'), file, fixtureRulesetFile);
}

/** Bundles openapi/openapi.yaml as `npm run lint` does (Redocly, then finishBundle: code samples included) into outputFile. */
export async function bundleRealDocument(outputFile: string): Promise<void> {
  await fs.promises.writeFile(outputFile, bundleToYaml(finishBundle(await bundleProject(projectPaths(repoRoot)))));
}

/** The rule names the project's ruleset defines itself (atlas-*). */
export async function atlasRuleNames(): Promise<string[]> {
  const ruleset = await loadRuleset();
  return Object.keys(ruleset.rules).filter(name => name.startsWith('atlas-'));
}
