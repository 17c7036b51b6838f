#!/usr/bin/env node
// Runs a TypeScript script of scripts/ with plain Node, without a loader:
//   node scripts/run.mjs <stage>[/<script>] [args...]
// e.g. `node scripts/run.mjs build` runs scripts/build/build.ts, `node scripts/run.mjs serve/dev` scripts/serve/dev.ts.
//
// Why: the build is one Node process that loads Redocly, Spectral, openapi-typescript and Redoc.
// Under tsx's loader every one of those modules goes through tsx's resolve/load hooks; measured
// here, that doubled the time to import them (about +1 s of CPU per run). Instead, each
// scripts/**/*.ts is compiled once by esbuild (types stripped, one file to one file, no bundling)
// into node_modules/.cache/atlas-scripts/<checkout>/, and recompiled only when its source is newer.
// import.meta.url in the compiled files is the source file's URL, so paths computed from it (the
// project root, the compiler worker, createRequire) are the same as under tsx.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transformSync } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = join(root, "scripts");
// One compiled copy per checkout: node_modules may be shared (a symlink in the benchmarks' and tests'
// temporary copies), and the compiled files name their own checkout's sources.
const cacheDir = join(root, "node_modules", ".cache", "atlas-scripts");
const outDir = join(cacheDir, createHash("sha256").update(root).digest("hex").slice(0, 16), "scripts");

/** Removes the compiled copies of checkouts that no longer exist (the benchmarks' and tests' temporary copies). */
function pruneCache() {
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(cacheDir, entry.name);
    let source;
    try {
      source = readFileSync(join(dir, "root"), "utf8");
    } catch {
      continue;
    }
    if (!existsSync(source)) rmSync(dir, { recursive: true, force: true });
  }
}

function filesBelow(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function isStale(source, target) {
  try {
    return statSync(target).mtimeMs < statSync(source).mtimeMs;
  } catch {
    return true;
  }
}

/** Brings the compiled copy of scripts/ up to date; returns the compiled path of `file`. */
function compileScripts() {
  for (const file of filesBelow(sourceDir)) {
    const rel = relative(sourceDir, file);
    if (rel.endsWith(".d.ts")) continue;
    const isTs = rel.endsWith(".ts");
    if (!isTs && !/\.(m?js|json|hbs)$/.test(rel)) continue;
    const target = join(outDir, isTs ? rel.replace(/\.ts$/, ".js") : rel);
    if (!isStale(file, target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (!isTs) {
      copyFileSync(file, target);
      continue;
    }
    const { code } = transformSync(readFileSync(file, "utf8"), {
      loader: "ts",
      format: "esm",
      target: "node20",
      sourcefile: file,
      sourcemap: "inline",
      define: { "import.meta.url": JSON.stringify(pathToFileURL(file).href) },
    });
    writeFileSync(target, code);
  }
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/run.mjs <stage>[/<script>] [args...] (a script of scripts/, without .ts)");
  process.exit(2);
}
// A stage's own name runs its entry point (`build` is scripts/build/build.ts).
const name = script.includes("/") ? script : `${script}/${script}`;
const source = join(sourceDir, `${name}.ts`);
try {
  statSync(source);
} catch {
  console.error(`scripts/run.mjs: no such script: scripts/${name}.ts`);
  process.exit(2);
}
compileScripts();
writeFileSync(join(dirname(outDir), "root"), root);
pruneCache();
// The script sees itself as the program run (its `process.argv[1] === its own path` check for "run as main").
process.argv = [process.argv[0], source, ...args];
await import(pathToFileURL(join(outDir, `${name}.js`)).href);
