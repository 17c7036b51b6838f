/**
 * `tsc -p tsconfig.build.json` through the TypeScript compiler API, in this process: src/ to dist/lib/
 * (the same files tsc writes), plus the generated JavaScript modules of generated/ (a .js with its
 * .d.ts, which tsc reads but does not compile) copied beside them. Incremental like `tsc -b` (a
 * build-info file in dist/.build/): unchanged files are neither re-checked nor re-written. Parsed files
 * are kept while their text is the same, so `npm run dev` re-parses only what changed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { Problem } from "../common/problems.js";

export class LibCompiler {
  private readonly sourceFiles = new Map<string, ts.SourceFile>();

  constructor(
    private readonly configFile: string,
    private readonly buildInfoFile: string,
  ) {}

  private host(options: ts.CompilerOptions): ts.CompilerHost {
    const host = ts.createIncrementalCompilerHost(options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const text = ts.sys.readFile(fileName);
      const cached = this.sourceFiles.get(fileName);
      if (cached && cached.text === text) return cached;
      const file = read(fileName, languageVersion, onError, shouldCreate);
      if (file) this.sourceFiles.set(fileName, file);
      return file;
    };
    return host;
  }

  /** Type-checks and emits; returns every diagnostic (the caller fails on errors). */
  async compile(): Promise<Problem[]> {
    const parsed = ts.getParsedCommandLineOfConfigFile(this.configFile, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!parsed) throw new Error(`${this.configFile}: cannot be read`);
    let diagnostics: readonly ts.Diagnostic[] = parsed.errors;
    if (diagnostics.length === 0) {
      const options = { ...parsed.options, incremental: true, tsBuildInfoFile: this.buildInfoFile };
      // Without dist/lib (a clean build) the build info would say everything is emitted already.
      if (options.outDir && !existsSync(options.outDir)) rmSync(this.buildInfoFile, { force: true });
      const program = ts.createIncrementalProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences, host: this.host(options) });
      diagnostics = [
        ...program.getConfigFileParsingDiagnostics(),
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...program.getSyntacticDiagnostics(),
        ...program.getSemanticDiagnostics(),
        ...program.emit().diagnostics,
      ];
      this.copyDeclaredModules(parsed);
    }
    return ts.sortAndDeduplicateDiagnostics(diagnostics).map((d) => this.problem(d));
  }

  private problem(d: ts.Diagnostic): Problem {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const severity = d.category === ts.DiagnosticCategory.Error ? "error" : d.category === ts.DiagnosticCategory.Warning ? "warning" : "info";
    return { file: d.file?.fileName ?? this.configFile, line, rule: `TS${d.code}`, message: ts.flattenDiagnosticMessageText(d.messageText, "\n"), severity, tool: "tsc" };
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
