#!/usr/bin/env node
// The one runner of every npm script: `node scripts/run.mjs <stage>[/<script>] [args...]` runs
// scripts/<stage>/<stage>.ts (or scripts/<stage>/<script>.ts); `bench` runs bench/run.ts. Not tsx: a loader's
// hooks doubled the import time of Redocly, Spectral and Redoc. Each .ts is compiled by esbuild (types stripped,
// file to file) when its source is newer; import.meta.url stays its source's, so paths from it are the same.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transformSync } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// One compiled copy per checkout: the benchmarks' and tests' temporary copies link this node_modules.
const cacheDir = join(root, "node_modules", ".cache", "atlas-scripts");
const outDir = join(cacheDir, createHash("sha256").update(root).digest("hex").slice(0, 16));

// Installs and the committed compiled library are not sources of a script.
const SKIPPED = /(^|\/)node_modules\/|^generated\/lib\//;
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -1);

function compile(dir) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || file.endsWith(".d.ts") || !/\.(ts|m?js|json|hbs)$/.test(file) || SKIPPED.test(relative(root, file))) continue;
    const target = join(outDir, relative(root, file).replace(/\.ts$/, ".js"));
    if (mtime(target) >= mtime(file)) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith(".ts")) copyFileSync(file, target);
    else {
      const options = { loader: "ts", format: "esm", target: "node20", sourcefile: file, sourcemap: "inline", define: { "import.meta.url": JSON.stringify(pathToFileURL(file).href) } };
      writeFileSync(target, transformSync(readFileSync(file, "utf8"), options).code);
    }
  }
}

const [script, ...args] = process.argv.slice(2);
const name = script === "bench" ? "bench/run" : script?.includes("/") ? `scripts/${script}` : `scripts/${script}/${script}`;
if (!script || !existsSync(join(root, `${name}.ts`))) {
  console.error(`usage: node scripts/run.mjs <stage>[/<script>] [args...] (a script of scripts/ without .ts, or bench)${script ? `; no ${name}.ts` : ""}`);
  process.exit(2);
}
// Scripts import parts of the client (src/, e.g. the mock's digest check) and generated/; the benchmarks too.
for (const dir of script === "bench" ? ["scripts", "bench", "src", "generated"] : ["scripts", "src", "generated"]) compile(dir);
writeFileSync(join(outDir, "root"), root);
// Compiled copies of checkouts that no longer exist (temporary copies) are removed.
for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
  const source = join(cacheDir, entry.name, "root");
  if (entry.isDirectory() && existsSync(source) && !existsSync(readFileSync(source, "utf8"))) rmSync(join(cacheDir, entry.name), { recursive: true, force: true });
}
// The script sees itself as the program run (its `process.argv[1] === its own path` check).
process.argv = [process.argv[0], join(root, `${name}.ts`), ...args];
await import(pathToFileURL(join(outDir, `${name}.js`)).href);
