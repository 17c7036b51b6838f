/**
 * `tsc -p tsconfig.build.json` through the TypeScript compiler API: src/ and generated/ to dist/lib/
 * (JavaScript, .d.ts, maps), the same files tsc writes. Type errors fail the step as Problems
 * (file:line TSnnnn message) after emitting, as tsc does. A LibCompiler keeps its last program so the
 * next compile in the same process (`npm run dev`) reuses the syntax trees of unchanged files.
 */
import ts from "typescript";
import type { Problem } from "./problems.js";

function toProblem(diagnostic: ts.Diagnostic, root: string): Problem {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  let file = root;
  let line = 0;
  if (diagnostic.file && diagnostic.start !== undefined) {
    file = diagnostic.file.fileName;
    line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
  }
  const severity = diagnostic.category === ts.DiagnosticCategory.Error ? "error" : diagnostic.category === ts.DiagnosticCategory.Warning ? "warning" : "info";
  return { file, line, rule: `TS${diagnostic.code}`, message, severity, tool: "tsc" };
}

export class LibCompiler {
  private previous: ts.Program | undefined;

  constructor(
    private readonly root: string,
    private readonly configFile: string,
  ) {}

  /** Type-checks and emits; returns every diagnostic (the caller fails on errors). */
  compile(): Problem[] {
    const configHost: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
    const parsed = ts.getParsedCommandLineOfConfigFile(this.configFile, undefined, configHost);
    if (!parsed) throw new Error(`${this.configFile}: cannot be read`);
    if (parsed.errors.length > 0) return parsed.errors.map((d) => toProblem(d, this.root));
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences, oldProgram: this.previous });
    this.previous = program;
    const emitted = program.emit();
    const diagnostics = ts.sortAndDeduplicateDiagnostics([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
    return diagnostics.map((d) => toProblem(d, this.root));
  }
}
