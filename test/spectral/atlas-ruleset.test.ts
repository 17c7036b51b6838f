// The Spectral ruleset (.spectral.yaml: spectral:oas, MongoDB's IPA ruleset, .spectral/atlas.yaml): each atlas-* rule fires on its bad
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
import { atlasRuleNames, bundleRealDocument, fixturesDir, lintFile, lintYaml, loadRuleset, repoRoot } from './spectralHarness.js';

type Case = { rule: string; at: string[][]; fix: RegExp };

const THINGS = '/api/atlas/v2/things';
const ID_PATH = '/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/archives/{archiveId}/{legacyId}/{snapshotId}';
const GROUP = '/api/atlas/v2/groups/{groupId}';
const GROUP_BODY = ['paths', GROUP, 'post', 'requestBody', 'content', 'application/vnd.atlas.2023-01-01+json'];
const GROUP_200 = ['paths', GROUP, 'post', 'responses', '200', 'content', 'application/vnd.atlas.2023-01-01+json'];

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
      ['paths', ID_PATH, 'parameters', '0', 'schema', 'type'],
      ['paths', ID_PATH, 'get', 'parameters', '2', 'schema'],
      ['components', 'parameters', 'orgId', 'schema', 'pattern'],
    ],
    fix: /give it schema: \{ type: string, pattern: '\^\(\[a-f0-9\]\{24\}\)\$' \}/,
  },
  {
    rule: 'atlas-error-response-json-media-type',
    at: [
      ['paths', THINGS, 'get', 'responses', '500', 'content', 'application/vnd.atlas.2023-01-01+json'],
      ['paths', THINGS, 'get', 'responses', '4XX', 'content', 'application/problem+json'],
      ['components', 'responses', 'conflict', 'content', 'text/plain'],
    ],
    fix: /key the body by application\/json/,
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
    rule: 'atlas-operation-id-camel-case',
    at: [
      ['paths', THINGS, 'get', 'operationId'],
      ['paths', THINGS, 'post', 'operationId'],
    ],
    fix: /is not camelCase: write it as/,
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
    rule: 'atlas-operation-has-envelope-parameter',
    at: [
      ['paths', THINGS, 'get'],
      ['paths', THINGS, 'post', 'parameters'],
    ],
    fix: /add "- \$ref: '#\/components\/parameters\/envelope'"/,
  },
  {
    rule: 'atlas-code-sample-parameter-example',
    at: [
      ['components', 'parameters', 'groupId'],
      ['paths', '/api/atlas/v2/groups/{groupId}/things/{thingId}/{name}', 'get', 'parameters', '1'],
      ['paths', '/api/atlas/v2/groups/{groupId}/things/{thingId}/{name}', 'get', 'parameters', '3', 'examples'],
    ],
    fix: /the code samples fill it in from example:/,
  },
  {
    rule: 'atlas-code-sample-parameter-value',
    at: [
      ['paths', '/api/atlas/v2/things/{thingId}/{name}', 'get', 'parameters', '0', 'example'],
      ['paths', '/api/atlas/v2/things/{thingId}/{name}', 'get', 'parameters', '2', 'examples', 'list', 'value'],
    ],
    fix: /is not a string, number or boolean: the code samples put it in the URL/,
  },
  {
    rule: 'atlas-code-sample-parameter-location',
    at: [
      ['paths', THINGS, 'get', 'parameters', '0', 'in'],
      ['paths', THINGS, 'get', 'parameters', '1', 'in'],
    ],
    fix: /the code samples write only path and query parameters/,
  },
  {
    rule: 'atlas-code-sample-request-body-example',
    at: [
      ['paths', THINGS, 'post', 'requestBody', 'content', 'application/vnd.atlas.2023-01-01+json'],
      ['paths', THINGS, 'put', 'requestBody', 'content', 'application/vnd.atlas.2023-01-01+json', 'examples'],
    ],
    fix: /the code samples send example:/,
  },
  {
    rule: 'atlas-code-sample-server-url',
    at: [['servers', '0', 'url']],
    fix: /is not an absolute http\(s\) URL/,
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

  it('a request example may leave out readOnly required fields; a response example may not', async () => {
    const results = await lintFile(path.join(fixturesDir, 'atlas-examples-valid.yaml'));
    const messages = results.filter(r => r.code === 'atlas-examples-valid').map(r => r.message);
    expect(messages.filter(m => m.includes("required property 'id'"))).toEqual([expect.stringContaining('(response side')]);
  });
});

type Doc = Record<string, any>;
const CREATE = (d: Doc) => d.paths['/api/atlas/v2/groups'].post;
const SETTINGS = (d: Doc) => d.paths['/api/atlas/v2/orgs/{orgId}/settings'].get;

/** Each retired atlas-* rule, the IPA (or spectral:oas) rule that enforces it now, and a fault in the real document it reports. */
const RETIRED: { rule: string; by: string; at: string[]; fault: (d: Doc) => void }[] = [
  { rule: 'atlas-parameter-has-description', by: 'xgen-IPA-117-description', at: ['components', 'parameters', 'pretty'], fault: d => delete d.components.parameters.pretty.description },
  { rule: 'atlas-schema-property-has-description', by: 'xgen-IPA-117-description', at: ['components', 'schemas', 'Link', 'properties', 'rel'], fault: d => delete d.components.schemas.Link.properties.rel.description },
  { rule: 'atlas-enum-values-upper-snake-case', by: 'xgen-IPA-123-enum-values-must-be-upper-snake-case', at: ['components', 'schemas', 'RegionUsageRestrictions'], fault: d => (d.components.schemas.RegionUsageRestrictions.enum[1] = 'govRegionsOnly') },
  { rule: 'atlas-operation-summary-no-trailing-period', by: 'xgen-IPA-117-operation-summary-format', at: ['paths', '/api/atlas/v2/orgs/{orgId}/settings', 'get'], fault: d => (SETTINGS(d).summary += '.') },
  { rule: 'atlas-operation-has-tag', by: 'operation-tags', at: ['paths', '/api/atlas/v2/orgs/{orgId}/settings', 'get'], fault: d => delete SETTINGS(d).tags },
  { rule: 'atlas-error-response-api-error', by: 'xgen-IPA-114-error-responses-refer-to-api-error', at: ['paths', '/api/atlas/v2/groups', 'post', 'responses', '409', 'content', 'application/json'], fault: d => (CREATE(d).responses['409'] = { description: 'Conflict.', content: { 'application/json': { schema: { type: 'object' } } } }) },
  { rule: 'atlas-lint-exceptions-have-reasons', by: 'xgen-IPA-005-exception-extension-format', at: ['paths', '/api/atlas/v2/groups', 'post', 'x-xgen-IPA-exception'], fault: d => (CREATE(d)['x-xgen-IPA-exception']['xgen-IPA-106-create-method-response-code-is-201'] = 'no reason') },
];

describe('rules retired for the IPA ruleset (on the real document, one fault each)', () => {
  let real: Doc;
  beforeAll(async () => {
    const file = path.join(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'atlas-retired-')), 'openapi.yaml');
    await bundleRealDocument(file);
    real = parse(await fs.promises.readFile(file, 'utf8'));
  });

  it('loads every IPA rule, none switched off: exceptions are recorded on nodes', async () => {
    const rules = Object.values((await loadRuleset()).rules).filter(rule => rule.name.startsWith('xgen-IPA-'));
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter(rule => !rule.enabled).map(rule => rule.name)).toEqual([]);
  });

  it.each(RETIRED)('$rule is gone, and $by reports the same fault', async ({ rule, by, at, fault }) => {
    expect(await atlasRuleNames()).not.toContain(rule);
    const document = structuredClone(real);
    fault(document);
    expect(pathsOf(await lintYaml(stringify(document), 'openapi.yaml'), by)).toContainEqual(at);
  });

  it('an IPA exception the node does not need is reported, so none outlives its reason', async () => {
    const document = structuredClone(real);
    SETTINGS(document).responses['200'].content['application/vnd.atlas.2023-01-01+json'].schema = { $ref: '#/components/schemas/OrganizationSettingsResponse' };
    document.components.schemas.OrganizationSettingsResponse = document.components.schemas.OrganizationSettings;
    const found = pathsOf(await lintYaml(stringify(document), 'openapi.yaml'), 'xgen-IPA-104-get-method-returns-response-suffixed-object');
    expect(found).toEqual([['paths', '/api/atlas/v2/orgs/{orgId}/settings', 'get', 'responses', '200', 'content', 'application/vnd.atlas.2023-01-01+json', 'x-xgen-IPA-exception', 'xgen-IPA-104-get-method-returns-response-suffixed-object']]);
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
