// The Atlas Spectral ruleset (.spectral.yaml + .spectral/atlas.yaml): each rule fires on its bad
// fixture (test/fixtures/spectral/<rule>.yaml) exactly where the fixture breaks the convention, with a
// message that says how to fix it, and stays quiet on the real, bundled document.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';
import { atlasRuleNames, bundleRealDocument, fixturesDir, lintFile, lintYaml, repoRoot } from './spectralHarness.js';

type Case = { rule: string; at: string[][]; fix: RegExp };

const THINGS = '/api/atlas/v2/things';
const ID_PATH = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/archives/{archiveId}/{legacyId}/{snapshotId}';
const GROUP = '/api/atlas/v2/groups/{groupId}';
const GROUP_BODY = ['paths', GROUP, 'post', 'requestBody', 'content', 'application/vnd.atlas.2023-01-01+json'];
const GROUP_200 = ['paths', GROUP, 'post', 'responses', '200', 'content', 'application/vnd.atlas.2023-01-01+json'];
const THING = ['components', 'schemas', 'Thing', 'properties'];

const cases: Case[] = [
  {
    rule: 'atlas-paths-start-with-api-atlas-v2',
    at: [
      ['paths', '/api/atlas/v1.0/groups'],
      ['paths', '/groups'],
    ],
    fix: /start with \/api\/atlas\/v2\//,
  },
  {
    rule: 'atlas-id-path-parameter-hex-pattern',
    at: [
      ['paths', ID_PATH, 'parameters', '0', 'schema'],
      ['paths', ID_PATH, 'get', 'parameters', '2', 'schema'],
      ['components', 'parameters', 'orgId', 'schema'],
    ],
    fix: /pattern: '\^\(\[a-f0-9\]\{24\}\)\$'/,
  },
  {
    rule: 'atlas-parameter-has-description',
    at: [
      ['paths', GROUP, 'get', 'parameters', '2', 'description'],
      ['components', 'parameters', 'pretty'],
    ],
    fix: /add description:/,
  },
  {
    rule: 'atlas-success-response-versioned-media-type',
    at: [
      ['paths', THINGS, 'post', 'responses', '200', 'content', 'application/json'],
      ['paths', THINGS, 'post', 'responses', '201', 'content', 'application/vnd.atlas.2023-01-01+json'],
      ['paths', THINGS, 'post', 'responses', '202'],
      ['paths', THINGS, 'post', 'responses', '203', 'content', 'application/vnd.atlas.2023-02-30+json'],
      ['paths', THINGS, 'post', 'responses', '204', 'content', 'application/vnd.atlas.2023-01-01+json', 'schema'],
      ['paths', THINGS, 'put', 'responses', '2XX', 'content', 'application/json'],
    ],
    fix: /application\/vnd\.atlas\.YYYY-MM-DD\+json|add one|remove the schema|e\.g\. application\/vnd\.atlas/,
  },
  {
    rule: 'atlas-request-body-versioned-media-type',
    at: [
      ['paths', THINGS, 'post', 'requestBody', 'content', 'application/json'],
      ['paths', THINGS, 'patch', 'requestBody', 'content', 'application/vnd.atlas.2024-11-13+json'],
    ],
    fix: /use application\/vnd\.atlas\.YYYY-MM-DD\+json|add one/,
  },
  {
    rule: 'atlas-error-response-api-error',
    at: [
      ['paths', THINGS, 'get', 'responses', '404', 'content', 'application/json', 'schema'],
      ['paths', THINGS, 'get', 'responses', '500', 'content'],
      ['paths', THINGS, 'get', 'responses', '4XX', 'content'],
      ['components', 'responses', 'conflict', 'content', 'application/json', 'schema'],
    ],
    fix: /\$ref: '#\/components\/schemas\/ApiError'/,
  },
  {
    rule: 'atlas-operation-id-camel-case',
    at: [
      ['paths', THINGS, 'get', 'operationId'],
      ['paths', THINGS, 'post', 'operationId'],
    ],
    fix: /is not camelCase: write it as/,
  },
  {
    rule: 'atlas-operation-has-tag',
    at: [
      ['paths', THINGS, 'get'],
      ['paths', THINGS, 'post', 'tags'],
    ],
    fix: /add tags:/,
  },
  {
    rule: 'atlas-operation-has-summary',
    at: [
      ['paths', THINGS, 'get'],
      ['paths', THINGS, 'post', 'summary'],
    ],
    fix: /add summary:/,
  },
  {
    rule: 'atlas-operation-summary-no-trailing-period',
    at: [['paths', THINGS, 'get', 'summary']],
    fix: /drop the final '\.'/,
  },
  {
    rule: 'atlas-operation-has-envelope-parameter',
    at: [
      ['paths', THINGS, 'get'],
      ['paths', THINGS, 'post', 'parameters'],
    ],
    fix: /add "- \$ref: '#\/components\/parameters\/envelope'"/,
  },
  {
    rule: 'atlas-schema-property-has-description',
    at: [
      ['paths', THINGS, 'post', 'parameters', '0', 'content', 'application/json', 'schema', 'properties', 'bad'],
      ['paths', THINGS, 'post', 'requestBody', 'content', 'application/vnd.atlas.2023-01-01+json', 'schema', 'properties', 'bad'],
      [...THING, 'id'],
      [...THING, 'nested', 'properties', 'bad'],
      [...THING, 'list', 'items', 'properties', 'bad'],
      [...THING, 'undescribed'],
      [...THING, 'choice', 'oneOf', '0', 'properties', 'bad'],
      ['components', 'schemas', 'Extended', 'allOf', '1', 'properties', 'bad'],
    ],
    fix: /add description: <what the field means>/,
  },
  {
    rule: 'atlas-enum-values-upper-snake-case',
    at: [
      ['paths', THINGS, 'get', 'parameters', '0', 'schema', 'enum'],
      [...THING, 'state', 'enum'],
      [...THING, 'kind', 'enum'],
    ],
    fix: /rename "\w+" -> "[A-Z_]+".*x-lint-exceptions: \{ atlas-enum-values-upper-snake-case: "<reason>" \}/,
  },
  {
    rule: 'atlas-lint-exceptions-have-reasons',
    at: [
      ['components', 'schemas', 'EmptyReason', 'x-lint-exceptions', 'atlas-enum-values-upper-snake-case'],
      // an unknown rule name breaks two constraints (allowed names, valid property names)
      ['components', 'schemas', 'UnknownRule', 'x-lint-exceptions'],
      ['components', 'schemas', 'UnknownRule', 'x-lint-exceptions'],
      ['components', 'schemas', 'NotAMap', 'x-lint-exceptions'],
      ['components', 'schemas', 'EmptyMap', 'x-lint-exceptions'],
    ],
    fix: /write x-lint-exceptions: \{ <rule>: "<reason>" \}/,
  },
  {
    rule: 'atlas-examples-valid',
    at: [
      ['paths', GROUP, 'parameters', '0', 'example'],
      [...GROUP_BODY, 'examples', 'spaceInName', 'value', 'name'],
      [...GROUP_200, 'example'],
      [...GROUP_200, 'example', 'owner'],
      ['components', 'examples', 'badOrgId', 'value', 'orgId'],
      ['components', 'schemas', 'Project', 'properties', 'clusterCount', 'example'],
      ['components', 'schemas', 'Project', 'properties', 'withDefaultAlertsSettings', 'default'],
      ['components', 'schemas', 'BrokenPattern'],
    ],
    fix: /(Example|Default) does not match its schema #\/.*Fix the (example|default)|cannot be compiled .*Fix the schema/,
  },
];

function pathsOf(results: ISpectralDiagnostic[], rule: string): string[][] {
  return results
    .filter(result => result.code === rule)
    .map(result => result.path.map(String))
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

function sorted(paths: string[][]): string[][] {
  return [...paths].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
}

describe('each Atlas rule on its bad fixture', () => {
  it('every atlas-* rule in the ruleset has a case here', async () => {
    expect(cases.map(c => c.rule).sort()).toEqual((await atlasRuleNames()).sort());
  });

  for (const { rule, at, fix } of cases) {
    it(`${rule} fires exactly at the bad places, with a fix-it message`, async () => {
      const results = await lintFile(path.join(fixturesDir, `${rule}.yaml`));
      expect(pathsOf(results, rule)).toEqual(sorted(at));
      for (const result of results.filter(r => r.code === rule)) expect(result.message).toMatch(fix);
    });
  }

  it('duplicate operationIds are caught by spectral:oas operation-operationId-unique', async () => {
    const results = await lintFile(path.join(fixturesDir, 'atlas-operation-id-camel-case.yaml'));
    expect(pathsOf(results, 'operation-operationId-unique')).toEqual([['paths', THINGS, 'patch', 'operationId']]);
  });

  it('an enum exception without a reason says it does not count', async () => {
    const results = await lintFile(path.join(fixturesDir, 'atlas-enum-values-upper-snake-case.yaml'));
    const kind = results.find(r => r.code === 'atlas-enum-values-upper-snake-case' && r.path.includes('kind'));
    expect(kind?.message).toContain('has no reason, so it does not count');
  });

  it('a request example may leave out readOnly required fields; a response example may not', async () => {
    const results = await lintFile(path.join(fixturesDir, 'atlas-examples-valid.yaml'));
    const messages = results.filter(r => r.code === 'atlas-examples-valid').map(r => r.message);
    expect(messages.filter(m => m.includes("required property 'id'"))).toEqual([expect.stringContaining('(response side')]);
  });
});

describe('the real document (openapi/, bundled as scripts/lint/lint.ts does)', () => {
  let tmp: string;
  let bundleFile: string;
  let bundleText: string;

  beforeAll(async () => {
    tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'atlas-spectral-'));
    bundleFile = path.join(tmp, 'openapi.yaml');
    await bundleRealDocument(bundleFile);
    bundleText = await fs.promises.readFile(bundleFile, 'utf8');
  });
  afterAll(async () => {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  });

  it('has no finding from any rule, the Atlas rules included', async () => {
    const results = await lintYaml(bundleText, bundleFile);
    expect(results.map(r => `${r.code} ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });

  it('checks the project name pattern in Unicode mode, where the built-in example rules are off', async () => {
    const lintWithName = async (name: string) => {
      const document = parse(bundleText);
      document.paths['/api/atlas/v2/groups'].post.requestBody.content['application/vnd.atlas.2023-01-01+json'].examples.project.value.name = name;
      return lintYaml(stringify(document), bundleFile);
    };
    const namePath = ['paths', '/api/atlas/v2/groups', 'post', 'requestBody', 'content', 'application/vnd.atlas.2023-01-01+json', 'examples', 'project', 'value', 'name'];

    expect(await lintWithName("Проект_ü(1)&Co's")).toEqual([]);
    const withSpace = await lintWithName('my project');
    expect(pathsOf(withSpace, 'atlas-examples-valid')).toEqual([namePath]);
    expect(withSpace.filter(r => String(r.code).startsWith('oas3-valid-'))).toEqual([]);
  });

  it('requires a readOnly required field (orgId) in the connected org config response example', async () => {
    const document = parse(bundleText);
    const operation = document.paths['/api/atlas/v2/federationSettings/{federationSettingsId}/connectedOrgConfigs/{orgId}'].patch;
    const responseValue = operation.responses['200'].content['application/vnd.atlas.2023-01-01+json'].examples.connectedOrgConfig.value;
    const requestValue = operation.requestBody.content['application/vnd.atlas.2023-01-01+json'].examples.connectedOrgConfig.value;
    expect(requestValue).not.toHaveProperty('orgId'); // the request example already leaves it out, and passes
    delete responseValue.orgId;
    const results = await lintYaml(stringify(document), bundleFile);
    const found = results.filter(r => r.code === 'atlas-examples-valid');
    expect(found.map(r => r.message)).toEqual([expect.stringContaining("must have required property 'orgId'")]);
  });
});

describe('spectral-cli', () => {
  it('loads the ruleset, whose example rule imports ajv from node_modules, and reports in JSON', async () => {
    const fixture = path.join(fixturesDir, 'atlas-examples-valid.yaml');
    const run = promisify(execFile)('npx', ['--no-install', 'spectral', 'lint', fixture, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'], {
      cwd: repoRoot,
    });
    // Spectral exits 1 when it finds errors, which the fixture has.
    const stdout = await run.then(
      r => r.stdout,
      (e: { stdout?: string }) => e.stdout ?? '',
    );
    const results = JSON.parse(stdout) as ISpectralDiagnostic[];
    expect(pathsOf(results, 'atlas-examples-valid')).toEqual(sorted(cases.find(c => c.rule === 'atlas-examples-valid')!.at));
  });
});
