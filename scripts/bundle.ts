/**
 * `npm run bundle`: the single-file documents downstream repos consume, dist/openapi.yaml and
 * dist/openapi.json. Redocly bundles openapi/ once (JSON on stdout), finishBundle() adds what the
 * source does not hold (the code samples), and both files are written from that one result.
 *
 *   tsx scripts/bundle.ts [out-dir]     default dist/; scripts/lint.sh bundles into dist/lint/
 *
 * The YAML is written with YAML 1.1 quoting rules, so strings such as "2025-05-04T09:42:00Z" or "no"
 * stay strings for 1.1 readers too (js-yaml, which Redocly uses, would read a bare timestamp as a Date).
 */
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { finishBundle } from "./lib/finish-bundle.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = "openapi/openapi.yaml";

/** Redocly's bundle of openapi/ as parsed JSON. */
export function redoclyBundle(source = SOURCE): Promise<Record<string, unknown>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(root, "node_modules/.bin/redocly"), ["bundle", source, "--ext", "json"], {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`redocly bundle ${source} exited with ${code}:\n${stderr}`));
      try {
        resolvePromise(JSON.parse(stdout) as Record<string, unknown>);
      } catch (error) {
        reject(new Error(`redocly bundle ${source} printed no JSON document: ${(error as Error).message}\n${stderr}`));
      }
    });
  });
}

export function toYaml(doc: unknown): string {
  return stringify(doc, { version: "1.1", lineWidth: 0, aliasDuplicateObjects: false });
}

export async function writeBundle(outDir: string): Promise<string[]> {
  const doc = finishBundle(await redoclyBundle());
  await mkdir(outDir, { recursive: true });
  const files = [join(outDir, "openapi.yaml"), join(outDir, "openapi.json")];
  await Promise.all([writeFile(files[0]!, toYaml(doc)), writeFile(files[1]!, `${JSON.stringify(doc, null, 2)}\n`)]);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(root, "dist"));
  writeBundle(outDir).then(
    (files) => console.log(`bundle: wrote ${files.map((f) => f.replace(`${root}/`, "")).join(" and ")}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
