// Runs Spectral in-process with the project's ruleset, loaded the way spectral-cli loads it
// (YAML migrated, then bundled with rollup using the builtins and commonjs plugins), so that the
// custom functions, and their imports of ajv from node_modules, run as they do under `npm run lint`.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Document, Spectral, type ISpectralDiagnostic, type Ruleset } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { loadSpectralRuleset } from '../../scripts/lib/spectral.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/spectral');
const rulesetFile = path.join(repoRoot, '.spectral.yaml');

let rulesetPromise: Promise<Ruleset> | undefined;

/** The project's ruleset (.spectral.yaml with .spectral/atlas.yaml), loaded once per test file. */
export function loadRuleset(): Promise<Ruleset> {
  rulesetPromise ??= loadSpectralRuleset(rulesetFile);
  return rulesetPromise;
}

/** Lints YAML text as if it were the file at `source` (the path only names it in results). */
export async function lintYaml(text: string, source: string): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await loadRuleset());
  return spectral.run(new Document(text, parsers.Yaml, source));
}

export async function lintFile(file: string): Promise<ISpectralDiagnostic[]> {
  return lintYaml(await fs.promises.readFile(file, 'utf8'), file);
}

/** Bundles openapi/openapi.yaml with Redocly, as scripts/lint.ts does, into outputFile. */
export async function bundleRealDocument(outputFile: string): Promise<void> {
  await promisify(execFile)('npx', ['--no-install', 'redocly', 'bundle', 'openapi/openapi.yaml', '--output', outputFile], {
    cwd: repoRoot,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
}

/** The rule names the project's ruleset defines itself (atlas-*). */
export async function atlasRuleNames(): Promise<string[]> {
  const ruleset = await loadRuleset();
  return Object.keys(ruleset.rules).filter(name => name.startsWith('atlas-'));
}
