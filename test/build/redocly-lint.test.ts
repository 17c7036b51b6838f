/**
 * The build's Redocly lint (scripts/bundle/bundler.ts) reports what the `redocly lint` CLI
 * reports with the same redocly.yaml, file, line, rule and message, for source that breaks Redocly's rules
 * in different ways; and `npm run lint` / `npm run build` fail on them naming file, line and rule. Examples
 * that break their schemas are Spectral's to report (atlas-examples-valid; Redocly's example rules are off
 * in redocly.yaml): the build names those too.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "../../bench/lib/workspace.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PATH_FILE = join("openapi", "paths", "api_atlas_v2_groups.yaml");

/** Each edit breaks the source for a different Redocly rule (struct, no-enum-type-mismatch) or example check. */
const EDITS: [string, string][] = [
  ["      required: false\n", "      required: maybe\n"], // struct: a boolean
  ["        type: string\n        pattern: ^([a-f0-9]{24})$", "        type: string\n        enum: [1, 2]\n        pattern: ^([a-f0-9]{24})$"], // no-enum-type-mismatch
  ["clusterCount: 42", "clusterCount: many"], // example: type
  ["created: '2025-05-04T09:42:00Z'", "created: 'the fourth of May'"], // example: format
];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `file:line rule message` lines of the CLI's github-actions output, without the reference links it appends. */
function cliFindings(output: string): string[] {
  const findings = new Set<string>();
  for (const match of output.matchAll(/^::\w+ title=([^,]+),file=([^,]+),line=(\d+),[^:]*::(.*)$/gm)) {
    const message = decodeURIComponent(match[4]!.replaceAll("%0A", "\n")).split("\n")[0]!;
    findings.add(`${match[2]}:${match[3]} ${match[1]} ${message}`);
  }
  return [...findings].sort();
}

function buildFindings(output: string): string[] {
  return [...new Set(output.split("\n").filter((line) => /^openapi\/\S+:\d+ \S+ /.test(line)))].sort();
}

describe("Redocly lint in the build", () => {
  let workspace: Workspace;

  beforeAll(() => {
    workspace = createWorkspace(ROOT);
    const file = join(workspace.dir, PATH_FILE);
    let text = readFileSync(file, "utf8");
    for (const [from, to] of EDITS) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    writeFileSync(file, text);
  });

  afterAll(() => workspace?.dispose());

  it("reports what the redocly CLI reports, and fails", () => {
    const cli = run(join(workspace.dir, "node_modules", ".bin", "redocly"), ["lint", "openapi/openapi.yaml", "--format=github-actions"], workspace.dir);
    const expected = cliFindings(cli.output);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected.every((finding) => finding.startsWith(`${PATH_FILE}:`))).toBe(true);

    const lint = run(process.execPath, ["scripts/run.mjs", "lint", "redocly"], workspace.dir);
    expect(lint.status).toBe(1);
    expect(lint.output).toMatch(/^lint: \d+ problems \(warnings are not accepted\)$/m);
    expect(buildFindings(lint.output)).toEqual(expected);
  }, 120_000);

  it("fails npm run build, naming the findings, before writing any output", () => {
    const build = run(process.execPath, ["scripts/run.mjs", "build"], workspace.dir);
    expect(build.status).toBe(1);
    expect(build.output).toContain(`${PATH_FILE}:`);
    expect(build.output).toMatch(/ no-enum-type-mismatch /);
    expect(build.output).toMatch(/ atlas-examples-valid Example does not match its schema .*'\/clusterCount' must be integer/);
    expect(build.output).toMatch(/ atlas-examples-valid Example does not match its schema .*'\/created' must match format "date-time"/);
    expect(build.output).not.toMatch(/^bundle files:/m);
  }, 240_000);
});
