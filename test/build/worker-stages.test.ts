/**
 * For a big document the build renders the docs page and makes the 3.0 companion on worker threads of
 * their own (scripts/docs/build-docs.ts, scripts/bundle/openapi-30.worker.ts); for ours, in process. Only the
 * benchmarks' synthesised documents are big enough to take the worker paths, so this builds our document
 * both ways (BUILD_BIG_DOCUMENT_PATHS=1 takes the worker paths at any size) and compares the outputs byte
 * for byte.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "../../bench/lib/workspace.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUTPUTS = ["dist/openapi-3.0.yaml", "dist/openapi-3.0.json", "dist/docs/index.html", "dist/openapi.yaml", "dist/openapi.json"];

function build(dir: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["scripts/run.mjs", "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1", ...env } });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status, output).toBe(0);
  return { output, files: Object.fromEntries(OUTPUTS.map((file) => [file, readFileSync(join(dir, file), "utf8")])) };
}

describe("the build's worker-thread stages", () => {
  let workspace: Workspace;
  beforeAll(() => {
    workspace = createWorkspace(ROOT);
  });
  afterAll(() => workspace?.dispose());

  it("write what the in-process stages write", () => {
    const inProcess = build(workspace.dir, {});
    expect(inProcess.output).toMatch(/^making the 3\.0 companion: [\d.]+ s$/m);
    expect(inProcess.output).not.toMatch(/on a worker thread/);

    const onWorkers = build(workspace.dir, { BUILD_BIG_DOCUMENT_PATHS: "1" });
    expect(onWorkers.output).toMatch(/^making the 3\.0 companion: [\d.]+ s \(on a worker thread\)$/m);
    expect(onWorkers.output).toMatch(/^openapi 3\.0 companion: [\d.]+ s \(unchanged\)$/m);
    for (const file of OUTPUTS) expect(onWorkers.files[file], file).toBe(inProcess.files[file]);
    expect(inProcess.files["dist/openapi-3.0.yaml"]).toContain("openapi: 3.0.3");
    expect(inProcess.files["dist/docs/index.html"]?.length).toBeGreaterThan(100_000);
  }, 120_000);
});
