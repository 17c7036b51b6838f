// The TypeScript compiler for dist/lib on a worker thread of the build's process (see compile-lib.ts):
// it parses and type-checks while the main thread lints and renders, and emits when told to.
// Incremental, like `tsc -b`: a build-info file (buildInfoFile, outside dist/lib) records what was
// checked and emitted, so files whose text did not change are neither re-checked nor re-written; the
// outputs are the same files tsc writes. Without dist/lib (a clean build) the build info is dropped.
// JavaScript modules declared by a .d.ts beside them (generated/*.js: generated code too large to be worth
// compiling) are copied to outDir after the emit, where tsc would have put their output.
// Plain JavaScript so the worker needs no TypeScript loader.
//
// Messages in:  { type: "compile", id }  (re-read the files; re-parse what changed; check; emit)
//               { type: "check" }        (the same without emitting, ahead of time)
// Messages out: { type: "done", id, result: [{ file, line, code, category, message }] }
//               { type: "failed", id, message }
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import ts from "typescript";

const { configFile, buildInfoFile } = workerData;
/** Parsed source files by name, reused while their text is the same (lib .d.ts, node types, unchanged sources). */
const sourceFiles = new Map();
let builder;
let diagnostics;
/** The parsed tsconfig of the last check. */
let parsed;

function createHost(options) {
  const host = ts.createIncrementalCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = ts.sys.readFile(fileName);
    const cached = sourceFiles.get(fileName);
    if (cached && text !== undefined && cached.text === text) return cached;
    const file = read(fileName, languageVersion, onError, shouldCreate);
    if (file) sourceFiles.set(fileName, file);
    return file;
  };
  return host;
}

function plain(diagnostic) {
  let file;
  let line = 0;
  if (diagnostic.file && diagnostic.start !== undefined) {
    file = diagnostic.file.fileName;
    line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
  }
  return { file, line, code: diagnostic.code, category: ts.DiagnosticCategory[diagnostic.category].toLowerCase(), message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n") };
}

/** A program of the files as they are now: the previous one when nothing changed (already checked), else a new one. */
function check() {
  parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`${configFile}: cannot be read`);
  if (parsed.errors.length > 0) return { builder: undefined, diagnostics: parsed.errors };
  const options = { ...parsed.options, incremental: true, tsBuildInfoFile: buildInfoFile };
  if (options.outDir && !existsSync(options.outDir)) rmSync(buildInfoFile, { force: true });
  const program = builder?.getProgram();
  const unchanged =
    program &&
    program.getRootFileNames().join("\n") === parsed.fileNames.join("\n") &&
    program.getSourceFiles().every((file) => ts.sys.readFile(file.fileName) === file.text);
  if (!unchanged) {
    builder = ts.createIncrementalProgram({ rootNames: parsed.fileNames, options, projectReferences: parsed.projectReferences, host: createHost(options) });
    diagnostics = [
      ...builder.getConfigFileParsingDiagnostics(),
      ...builder.getOptionsDiagnostics(),
      ...builder.getGlobalDiagnostics(),
      ...builder.getSyntacticDiagnostics(),
      ...builder.getSemanticDiagnostics(),
    ];
  }
  return { builder, diagnostics };
}

function sameFile(a, b) {
  return existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

/**
 * Copies each root .d.ts that has a .js beside it, and that .js, to outDir (only when changed, so their
 * mtimes stay). tsc emits nothing for a declaration file and, without allowJs, reads no .js. A source map
 * left from when the module was compiled TypeScript would name a source that no longer exists: removed.
 */
function copyDeclaredModules() {
  const { outDir, rootDir } = parsed.options;
  if (!outDir) return;
  const base = rootDir ?? dirname(configFile);
  for (const declaration of parsed.fileNames.filter((file) => file.endsWith(".d.ts"))) {
    const module = `${declaration.slice(0, -".d.ts".length)}.js`;
    if (!existsSync(module)) continue;
    for (const source of [declaration, module]) {
      const target = join(outDir, relative(base, source));
      rmSync(`${target}.map`, { force: true });
      if (sameFile(source, target)) continue;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
  }
}

parentPort.on("message", (message) => {
  try {
    const result = check();
    let all = result.diagnostics;
    if (message.type === "compile" && result.builder) {
      all = [...all, ...result.builder.emit().diagnostics];
      copyDeclaredModules();
    }
    if (message.type === "compile") parentPort.postMessage({ type: "done", id: message.id, result: ts.sortAndDeduplicateDiagnostics(all).map(plain) });
  } catch (error) {
    if (message.type !== "compile") return; // the compile that follows reports it
    parentPort.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
