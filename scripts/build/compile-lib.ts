/**
 * `tsc -p tsconfig.build.json` in a child process, so that it type-checks and emits src/ to generated/lib/
 * on the other core while the build lints, bundles and renders; incremental (a build-info file in
 * dist/.build/). Then the generated JavaScript modules of generated/ (a .js with its .d.ts, which tsc
 * reads but does not compile) are copied beside its output. Type errors come back as Problems.
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

export class LibCompiler {
  constructor(
    private readonly configFile: string,
    private readonly buildInfoFile: string,
  ) {}

  /** Type-checks and emits; returns every diagnostic (the caller fails on errors). */
  async compile(): Promise<Problem[]> {
    const parsed = ts.getParsedCommandLineOfConfigFile(this.configFile, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    // Without generated/lib (a clean build) the build info would say everything is emitted already.
    if (parsed?.options.outDir && !existsSync(parsed.options.outDir)) rmSync(this.buildInfoFile, { force: true });
    const cwd = dirname(this.configFile);
    const args = [tsc, "-p", this.configFile, "--pretty", "false", "--incremental", "--tsBuildInfoFile", this.buildInfoFile];
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
        problems.push({ file: file ? resolve(cwd, file) : this.configFile, line: Number(at ?? 0), rule: `TS${code}`, message: message!, severity: category === "message" ? "info" : (category as "error" | "warning"), tool: "tsc" });
      } else if (line.startsWith("  ") && problems.length > 0) problems.at(-1)!.message += `\n${line.trim()}`;
    }
    if (parsed) this.copyDeclaredModules(parsed);
    return problems;
  }

  /**
   * Copies each root .d.ts that has a .js beside it, and that .js, to outDir (only when changed, so their
   * mtimes stay): tsc emits nothing for a declaration file and, without allowJs, reads no .js.
   */
  private copyDeclaredModules(parsed: ts.ParsedCommandLine): void {
    const { outDir, rootDir } = parsed.options;
    if (!outDir) return;
    for (const declaration of parsed.fileNames.filter((file) => file.endsWith(".d.ts"))) {
      const module = `${declaration.slice(0, -".d.ts".length)}.js`;
      if (!existsSync(module)) continue;
      for (const source of [declaration, module]) {
        const target = join(outDir, relative(rootDir ?? dirname(this.configFile), source));
        rmSync(`${target}.map`, { force: true }); // left from when the module was compiled TypeScript
        if (existsSync(target) && readFileSync(source).equals(readFileSync(target))) continue;
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(source, target);
      }
    }
  }
}
