// The build hands Spectral the bundle it already holds (scripts/lint/spectral.ts lintWithSpectral
// with `data`): Spectral lints the object and parses the YAML text only for the lines of findings. Every
// bad fixture must give the same findings, at the same lines, as when Spectral parses the text itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../scripts/common/problems.js';
import { lintWithSpectral } from '../../scripts/lint/spectral.js';
import { fixtureRulesetFile, fixturesDir, loadRuleset } from './spectralHarness.js';

// The bad fixtures (atlas-*.yaml), linted with their ruleset (ruleset.yaml: the project's without IPA).
const fixtures = fs.readdirSync(fixturesDir).filter(name => name.startsWith('atlas-') && name.endsWith('.yaml'));

function inOrder(results: Problem[]): string[] {
  return results.map(r => `${r.file}:${r.line} ${r.rule} [${r.severity}] ${r.message}`).sort();
}

describe('Spectral on the document in memory', () => {
  it('has bad fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });

  it.each(fixtures)('%s: same findings and lines as from the YAML text', async name => {
    const file = path.join(fixturesDir, name);
    const text = fs.readFileSync(file, 'utf8');
    const ruleset = await loadRuleset(fixtureRulesetFile);
    const fromText = await lintWithSpectral(ruleset, text, file);
    const fromData = await lintWithSpectral(ruleset, text, file, parseYaml(text));
    expect(fromText.length).toBeGreaterThan(0);
    expect(inOrder(fromData)).toEqual(inOrder(fromText));
  });
});
