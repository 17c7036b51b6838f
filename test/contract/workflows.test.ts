/**
 * The Arazzo workflows (openapi/workflows/*.arazzo.yaml) run by `redocly respect` against the Atlas mock,
 * as docs/mock.md tells users to run them (against Atlas too): every workflow passes, each step with the
 * status it pins; against the stateless mock the workflow that relies on the answer following the request
 * fails where it should.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, test } from "vitest";
import { CREDENTIALS, ORG_ID } from "../support/atlas-layer.js";

const WORKFLOWS = fileURLToPath(new URL("../../openapi/workflows/", import.meta.url));
const files = readdirSync(WORKFLOWS).filter((name) => name.endsWith(".arazzo.yaml"));
const cli = join(dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")), "bin", "cli.js");
const work = mkdtempSync(join(tmpdir(), "respect-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  files: Record<string, { executedWorkflows: { workflowId: string; status: string; executedSteps: { stepId: string; response?: { statusCode: number } }[] }[] }>;
}

function respect(file: string, server: string, extra: string[] = []): Promise<{ code: number | null; output: string; report: Report }> {
  const json = join(work, `${file}.${Math.random().toString(36).slice(2)}.json`);
  const inputs = { publicKey: CREDENTIALS.publicKey, privateKey: CREDENTIALS.privateKey, orgId: ORG_ID, projectName: `respect-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` };
  const args = [cli, "respect", join(WORKFLOWS, file), "--server", `atlas=${server}`, "--json-output", json, ...Object.entries(inputs).flatMap(([k, v]) => ["--input", `${k}=${v}`]), ...extra];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject).on("exit", (code) => {
      try {
        resolve({ code, output, report: JSON.parse(readFileSync(json, "utf8")) as Report });
      } catch (error) {
        reject(new Error(`respect wrote no report (exit ${code}): ${output}\n${String(error)}`));
      }
    });
  });
}

const stepStatuses = (report: Report) =>
  Object.fromEntries(Object.values(report.files).flatMap((f) => f.executedWorkflows.map((w) => [w.workflowId, w.executedSteps.map((s) => `${s.stepId} ${s.response?.statusCode}`)])));

describe.each(files)("%s", (file) => {
  test("every workflow passes against the mock", async () => {
    const { code, output, report } = await respect(file, inject("mockBaseUrl"));
    const summary = [...output.matchAll(/(?:Workflows|Steps|Checks): .*total/g)].map((m) => m[0]).join(" / ");
    console.log(`redocly respect ${file}: ${summary}`);
    expect(code, output).toBe(0);
    expect(stepStatuses(report)).toEqual({
      createProjectThenUseIt: ["createProject 200", "useTheNewId 200", "sameNameAgain 409"],
      noCredentials: ["settingsWithoutCredentials 401"],
      noVersion: ["settingsWithPlainJson 406"],
    });
  }, 120_000);

  test("against the stateless mock (plain examples) createProjectThenUseIt fails: the answer does not carry the request's name", async () => {
    const { code, report } = await respect(file, inject("mockStatelessBaseUrl"), ["--workflow", "createProjectThenUseIt"]);
    expect(code).not.toBe(0);
    expect(stepStatuses(report).createProjectThenUseIt).toEqual(["createProject 200"]);
  }, 120_000);
});
