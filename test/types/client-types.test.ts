/**
 * Runs the type-level cases of fixtures/client-types.ts under `npm test` (vitest run does not
 * type-check). Uses the TypeScript compiler API with the project's tsconfig.json:
 *  1. the fixture compiles with no diagnostic (every @ts-expect-error is used, every expectTypeOf holds);
 *  2. with the directives removed, each directive's next line fails with the code it names, so no
 *     case passes by accident through an unrelated error;
 *  3. a negative control: a directive over a valid line is reported (TS2578), proving that this
 *     harness sees failures at all.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/client-types.ts", import.meta.url));
const control = fixture.replace(/client-types\.ts$/, "negative-control.ts");
const DIRECTIVE = /\/\/ @ts-expect-error TS(\d+) `([^`]+)` (.*)$/;

interface Expectation {
  line: number; // 0-based line the error must start on
  code: number;
  /** Must occur in the message, or be the identifier the error starts at. */
  fragment: string;
  why: string;
}

function compilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  return { ...parsed!.options, noEmit: true };
}

/** Diagnostics of `files` (path -> source text, read from disk when not overridden). */
function check(options: ts.CompilerOptions, overrides: Map<string, string>, oldProgram?: ts.Program): { program: ts.Program; diagnostics: ts.Diagnostic[] } {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => overrides.get(file) ?? readFile(file);
  host.fileExists = (file) => overrides.has(file) || ts.sys.fileExists(file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = overrides.get(file);
    return text === undefined ? getSourceFile(file, language, onError, create) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram({ rootNames: [...overrides.keys()], options, host, ...(oldProgram ? { oldProgram } : {}) });
  const diagnostics = [...overrides.keys()].flatMap((file) => {
    const source = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  });
  return { program, diagnostics };
}

const describeDiagnostic = (d: ts.Diagnostic) => {
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : "?";
  return `line ${line}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
};

describe("client types (tsc on test/types/fixtures/client-types.ts)", () => {
  const options = compilerOptions();
  const source = ts.sys.readFile(fixture)!;
  const lines = source.split("\n");
  const expectations: Expectation[] = lines.flatMap((text, index) => {
    const match = DIRECTIVE.exec(text);
    return match ? [{ line: index + 1, code: Number(match[1]), fragment: match[2]!, why: match[3]! }] : [];
  });
  let first: ts.Program;
  let withoutDirectives: ts.Diagnostic[];
  let controlDiagnostics: ts.Diagnostic[];

  beforeAll(() => {
    const clean = check(options, new Map([[fixture, source]]));
    first = clean.program;
    expect(clean.diagnostics.map(describeDiagnostic)).toEqual([]);
    const stripped = lines.map((text) => text.replace(DIRECTIVE, "// (directive removed)")).join("\n");
    const negative = `import { createAtlasClient } from "../../../src/index.js";\n// @ts-expect-error deliberately wrong: this line is valid\ncreateAtlasClient({ timeoutMs: 5 });\n`;
    const broken = check(options, new Map([[fixture, stripped], [control, negative]]), first);
    withoutDirectives = broken.diagnostics.filter((d) => d.file?.fileName === fixture);
    controlDiagnostics = broken.diagnostics.filter((d) => d.file?.fileName === control);
  }, 60_000);

  it("has cases for every property the issue names, each directive in the checked form", () => {
    expect(lines.filter((l) => l.includes("// @ts-expect-error") && !DIRECTIVE.test(l))).toEqual([]);
    const named = expectations.map((e) => e.why).join("\n");
    for (const word of ["name is required", "orgId is required", "id is read-only", "created is read-only", "clusterCount is read-only", "links is read-only", "orgId is read-only in the body", "deletable is read-only", "state is read-only", "updatedDate is read-only", "updatedUser is read-only", "onDemandPolicyItem.id is read-only", "scheduledPolicyItems[].id is read-only"]) {
      expect(named).toContain(word);
    }
    expect(source).toContain("expectTypeOf(data.clusterCount).toEqualTypeOf<number>()");
    expect(source).toContain("expectTypeOf(data.created).toEqualTypeOf<string>()");
  });

  it("compiles cleanly with its @ts-expect-error directives", () => {
    // Asserted in beforeAll (a failure there fails every test of this block).
    expect(first.getSourceFile(fixture)).toBeDefined();
  });

  it("each directive's line fails with the error code it names", () => {
    const actual = withoutDirectives.map((d) => ({
      line: d.file!.getLineAndCharacterOfPosition(d.start!).line,
      code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, " "),
      at: d.file!.text.slice(d.start!, d.start! + d.length!),
    }));
    const report = expectations.map((e) => ({
      case: `${e.why} (line ${e.line + 1})`,
      expected: `TS${e.code} ${e.fragment}`,
      got: actual.filter((a) => a.line === e.line).map((a) => `TS${a.code} at ${a.at}: ${a.message}`),
      ok: actual.some((a) => a.line === e.line && a.code === e.code && (a.message.includes(e.fragment) || a.at === e.fragment)),
    }));
    expect(report.filter((r) => !r.ok)).toEqual([]);
    // And nothing fails except on those lines.
    const expectedLines = new Set(expectations.map((e) => e.line));
    expect(withoutDirectives.filter((d) => !expectedLines.has(d.file!.getLineAndCharacterOfPosition(d.start!).line)).map(describeDiagnostic)).toEqual([]);
    expect(expectations.length).toBeGreaterThanOrEqual(15);
  });

  it("negative control: a directive over a valid line is reported", () => {
    expect(controlDiagnostics.map((d) => d.code)).toEqual([2578]);
  });
});
