/**
 * `tsc -p tsconfig.build.json` (incremental) in a child process, so that it type-checks and emits src/ to
 * generated/lib/ on the other core while the build lints, bundles and renders; then the generated .js
 * modules of generated/ (declared by a .d.ts beside them) are copied to its output. Type errors come back as Problems.
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import type { Problem } from "../common/problems.js";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
/** One diagnostic of `tsc --pretty false`: `file(line,col): error TS2322: message` (or without the file). */
const DIAGNOSTIC = /^(?:(.+?)\((\d+),\d+\): )?(error|warning|message) TS(\d+): (.*)$/;

/** Type-checks and emits; returns every diagnostic (the caller fails on errors). */
export async function compileLib(configFile: string, buildInfoFile: string): Promise<Problem[]> {
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const { outDir, rootDir } = parsed?.options ?? {};
  // Without generated/lib (a clean build) the build info would say everything is emitted already.
  if (outDir && !existsSync(outDir)) rmSync(buildInfoFile, { force: true });
  const cwd = dirname(configFile);
  const args = [tsc, "-p", configFile, "--pretty", "false", "--incremental", "--tsBuildInfoFile", buildInfoFile];
  const output = await new Promise<string>((done) => {
    // A build that fails first exits while tsc runs: tsc must not go on writing the library after it.
    const stop = () => child.kill();
    const child = execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) => {
      process.off("exit", stop);
      done(stdout);
    });
    process.once("exit", stop);
  });
  const problems: Problem[] = [];
  for (const line of output.split("\n")) {
    const match = DIAGNOSTIC.exec(line);
    if (match) {
      const [, file, at, category, code, message] = match;
      problems.push({ file: file ? resolve(cwd, file) : configFile, line: Number(at ?? 0), rule: `TS${code}`, message: message!, severity: category === "message" ? "info" : (category as "error" | "warning"), tool: "tsc" });
    } else if (line.startsWith("  ") && problems.length > 0) problems.at(-1)!.message += `\n${line.trim()}`;
  }
  // tsc emits nothing for a declaration file and, without allowJs, reads no .js: each root .d.ts that
  // has a .js beside it is copied with that .js (only when changed, so their mtimes stay).
  for (const declaration of outDir ? parsed!.fileNames.filter((file) => file.endsWith(".d.ts")) : []) {
    const module = `${declaration.slice(0, -".d.ts".length)}.js`;
    if (!existsSync(module)) continue;
    for (const source of [declaration, module]) {
      const target = join(outDir!, relative(rootDir ?? cwd, source));
      rmSync(`${target}.map`, { force: true }); // left from when the module was compiled TypeScript
      if (existsSync(target) && readFileSync(source).equals(readFileSync(target))) continue;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
  }
  return problems;
}
