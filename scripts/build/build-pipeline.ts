/**
 * The build, in one process: lint, bundle once, then every output from that one bundle. Used by
 * `npm run build` (scripts/build/build.ts: everything, once) and `npm run dev` (scripts/serve/dev.ts: the stages
 * a change needs, with the caches of this object kept warm between builds).
 *
 *   redocly lint (source, on a worker thread, from the start) and, meanwhile, bundle (Redocly, once) ->
 *   finishBundle (code samples) -> spectral lint (the finished bundle, as dist/lint/openapi.yaml: what
 *   ships is what is linted; on a worker thread) -> once both linters pass, OUTPUT_STEPS in order
 *   (types, then dist/lib beside the bundle files and the 3.0 companion); the docs page, the types and the
 *   companion are made while the linters run, and written only when they pass.
 *
 * At most two CPU-heavy stages run at once (CpuSlots): this machine has two cores.
 * BUILD_TIMINGS=1 adds when each stage started, and the process's peak memory, to the log.
 */
import { performance } from "node:perf_hooks";
import { CpuSlots } from "./cpu-slots.js";
import type { Config } from "@redocly/openapi-core";
import { bundleOpenApi, bundleToJson, bundleToYaml, writeText, writeTextIfChanged, type OpenApiDocument } from "../bundle/bundler.js";
import { LibCompiler } from "./compile-lib.js";
import type { GeneratedSources } from "../generate/generate-types.js";
import { finishBundle, HTTP_METHODS } from "../bundle/finish-bundle.js";
import { failsBuild, formatProblem, ProblemsError, type Problem } from "../common/problems.js";
import { YamlParseError } from "@redocly/openapi-core";
import { loadRedoclyConfig, newRedoclyContext, RedoclyLinter, yamlProblem, YAML_SYNTAX_RULE } from "../bundle/redocly.js";
import { projectPaths, type ProjectPaths } from "../common/project-paths.js";
import { SpectralLinter } from "../lint/spectral.js";
import { onWorkerFrom, WorkerClient } from "../common/worker-client.js";

export { projectPaths, type ProjectPaths };

/** The finished bundle (Redocly's, then finishBundle), as Spectral reads it and every output is made from it. */
export interface Bundled {
  document: OpenApiDocument;
  /** bundleToYaml(document): the text Spectral lints and dist/lint/openapi.yaml. */
  yaml: string;
  files: Set<string>;
}

/** What an output step gets: the finished document (after finishBundle) and the project's paths. */
export interface OutputContext {
  document: OpenApiDocument;
  /** bundleToYaml(document) when the caller has it already (it is seconds of work at 6,000 operations). */
  yaml?: string;
  paths: ProjectPaths;
  builder: Builder;
  /** Steps add what they changed on disk ("bundle", "generated"), so `npm run dev` knows what follows. */
  changed: Set<string>;
}

/** The step that compiles dist/lib; `npm run dev` runs it only when src/ or generated/ changed. */
export const LIB_STEP = "dist/lib";

export interface OutputStep {
  name: string;
  run(context: OutputContext): Promise<string | void>;
  /**
   * The step works on a thread of its own and reads nothing the steps after it write: they start while
   * it runs, and outputs() waits for it (and reports its failure) before returning.
   */
  overlaps?: boolean;
}

/**
 * The outputs of one finished bundle, in order; each may read what an earlier one wrote. Another
 * output (e.g. a companion document in another OpenAPI version) is one more entry here. The types come
 * first so that the library compile (which reads generated/, on the compiler's thread) runs while the
 * bundle files and the companion are written: at 6,000 operations it was 4 s at the end of the build.
 */
export const OUTPUT_STEPS: OutputStep[] = [
  {
    name: "types",
    async run({ document, paths, changed, builder }) {
      const { writeGenerated } = await import("../generate/generate-types.js");
      const sources = await builder.typeSources(document);
      const written = await writeGenerated(paths.generatedDir, sources);
      if (written.length > 0) changed.add("generated");
      return `generated/: ${sources.operations} operations${written.length ? `, wrote ${written.join(", ")}` : ", unchanged"}`;
    },
  },
  {
    name: LIB_STEP,
    overlaps: true,
    async run({ builder }) {
      await builder.compileLib();
      return "generated/lib";
    },
  },
  {
    name: "bundle files",
    async run({ document, yaml, paths, changed }) {
      const written = await Promise.all([writeTextIfChanged(paths.bundleYaml, yaml ?? bundleToYaml(document)), writeTextIfChanged(paths.bundleJson, bundleToJson(document))]);
      if (written.some(Boolean)) changed.add("bundle");
      return written.some(Boolean) ? "generated/openapi.yaml, generated/openapi.json" : "unchanged";
    },
  },
  { name: "postman collection", run: ({ document, paths }) => import("../postman/collection.js").then(({ writeCollection }) => writeCollection(document, paths)) },
  {
    name: "openapi 3.0 companion",
    async run({ document, paths, builder }) {
      const files = await builder.companionFiles(document);
      const written = await Promise.all([writeTextIfChanged(paths.bundle30Yaml, files.yaml), writeTextIfChanged(paths.bundle30Json, files.json)]);
      return written.some(Boolean) ? "generated/openapi-3.0.yaml, generated/openapi-3.0.json" : "unchanged";
    },
  },
];

/**
 * From this many operations the 3.0 companion is made on a worker thread of its own (lib/openapi-30.worker.ts):
 * 6 s of work at 6,000 operations that would otherwise hold up the main thread. Below it, a thread that
 * loads the converter and Redocly's YAML writer costs more than the work.
 */
const COMPANION_WORKER_FROM_OPERATIONS = onWorkerFrom(1_000);

function operationCount(document: OpenApiDocument): number {
  let count = 0;
  for (const item of Object.values((document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {})) {
    for (const method of HTTP_METHODS) if (item && typeof item === "object" && method in item) count++;
  }
  return count;
}

async function companionOnWorker(document: OpenApiDocument): Promise<{ json: string; yaml: string }> {
  // The compiled copy next to this module (scripts/run.mjs): import.meta.url names the source file.
  const worker = new WorkerClient("openapi 3.0 companion", new URL(import.meta.resolve("../bundle/openapi-30.worker.js")), undefined);
  try {
    return await worker.request<{ json: string; yaml: string }>({ type: "convert", document });
  } finally {
    await worker.close();
  }
}

/** Findings after which there is no document to bundle: a file that does not parse, a $ref that leads nowhere. */
const UNBUNDLABLE = new Set([YAML_SYNTAX_RULE, "no-unresolved-refs"]);

export type Log = (line: string) => void;

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** BUILD_TIMINGS=1: each stage's log line also says when it started (the stages overlap), and the build its peak memory. */
const detailedTimings = process.env.BUILD_TIMINGS === "1";

/** " (peak RSS x GB)" with BUILD_TIMINGS=1, else "". */
export function peakMemory(): string {
  return detailedTimings ? ` (peak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB)` : "";
}

/** Long-lived state of the build: configuration, ruleset and compiler stay loaded between builds. */
export class Builder {
  readonly paths: ProjectPaths;
  private readonly log: Log;
  private redoclyConfig: Promise<Config> | undefined;
  private readonly spectralLinter: SpectralLinter;
  private readonly redoclyLinter: RedoclyLinter;
  private readonly compiler: LibCompiler;
  private readonly cpu = new CpuSlots();
  private readonly started = performance.now();

  constructor(paths: ProjectPaths, log: Log) {
    this.paths = paths;
    this.log = log;
    this.compiler = new LibCompiler(paths.libTsconfig, paths.libBuildInfo);
    this.spectralLinter = new SpectralLinter(paths.spectralRuleset);
    this.redoclyLinter = new RedoclyLinter(paths.root, paths.entry);
  }

  /** Forget redocly.yaml (it changed). */
  reloadRedoclyConfig(): void {
    this.redoclyConfig = undefined;
    this.redoclyLinter.reload();
  }

  /** Load the Spectral ruleset again (.spectral.yaml or .spectral/ changed). */
  reloadRuleset(): void {
    this.spectralLinter.reload();
  }

  /** Loads the configuration and (on its thread) the Spectral ruleset now, in parallel with Redocly's work. */
  preload(): void {
    this.redoclyConfig ??= loadRedoclyConfig(this.paths.root, this.paths.entry);
    this.spectralLinter.warm();
    // Nobody may be waiting yet: a failure is reported by the step that awaits it.
    this.redoclyConfig.catch(() => undefined);
  }

  async timed<T>(name: string, fn: () => Promise<T>, describe?: (value: T) => string | void): Promise<T> {
    const started = performance.now();
    const value = await fn();
    const detail = describe?.(value);
    const at = detailedTimings ? ` (at ${seconds(started - this.started)})` : "";
    this.log(`${name}: ${seconds(performance.now() - started)}${at}${detail ? ` (${detail})` : ""}`);
    return value;
  }

  /** timed(), once a CPU slot is free: the time logged is the stage's own, not its wait. */
  private heavy<T>(name: string, fn: () => Promise<T>, describe?: (value: T) => string | void): Promise<T> {
    return this.cpu.run(() => this.timed(name, fn, describe));
  }

  /**
   * Starts Redocly's lint of the source (its worker thread) and bundles meanwhile. The lint's findings
   * come later. A YAML syntax error or a $ref that leads nowhere throws a ProblemsError naming file and
   * line: the lint's findings when it has one of those (as `redocly lint` names them), else the bundle's.
   */
  async startLintAndBundle(): Promise<{ bundled: Bundled; redocly: Promise<Problem[]> }> {
    const redocly = this.redoclyLint();
    redocly.catch(() => undefined); // the caller awaits it
    try {
      return { bundled: await this.bundleOnly(), redocly };
    } catch (error) {
      const problems = await redocly.catch(() => undefined);
      if (problems?.some((problem) => UNBUNDLABLE.has(problem.rule))) throw new ProblemsError("openapi/ cannot be bundled", problems, this.paths.root);
      throw error;
    }
  }

  /** Redocly lint of the source and, meanwhile, the one bundle (`npm run lint`). */
  async lintAndBundle(): Promise<{ bundled: Bundled; problems: Problem[] }> {
    const { bundled, redocly } = await this.startLintAndBundle();
    return { bundled, problems: await redocly };
  }

  /**
   * The bundle alone, on its own resolver (`npm run dev` renders the page before linting). A file that
   * does not parse or a $ref that leads nowhere throws a ProblemsError naming file and line.
   */
  async bundleOnly(): Promise<Bundled> {
    this.preload();
    const config = await this.redoclyConfig!;
    return this.heavy("bundle", async () => {
      // The resolver (every file of openapi/, parsed) lives only in this function: it is garbage once the bundle is made.
      const context = newRedoclyContext(this.paths.entry, config);
      let result;
      try {
        result = await bundleOpenApi(context, this.paths.root);
      } catch (error) {
        if (error instanceof YamlParseError) throw new ProblemsError("openapi/ cannot be bundled", [yamlProblem(error)], this.paths.root);
        throw error;
      }
      const document = finishBundle(result.document);
      const yaml = bundleToYaml(document);
      await writeText(this.paths.lintBundle, yaml);
      return { document, yaml, files: result.files };
    });
  }

  /** Redocly lint of the source, on its worker thread (a resolver of its own). */
  async redoclyLint(): Promise<Problem[]> {
    return this.heavy("redocly lint", () => this.redoclyLinter.lint(), (found) => `${found.length} problems`);
  }

  /** Ends the Redocly lint's worker thread, and with it the heap of its resolver (the build lints once). */
  async closeRedoclyLinter(): Promise<void> {
    await this.redoclyLinter.close();
  }

  /** Ends Spectral's worker thread: its copy of the document and its validators are not needed for the outputs. */
  async closeSpectral(): Promise<void> {
    await this.spectralLinter.close();
  }

  async spectral(bundled: Bundled): Promise<Problem[]> {
    this.preload();
    return this.heavy("spectral lint", () => this.spectralLinter.lint(bundled.yaml, this.paths.lintBundle, bundled.document), (found) => `${found.length} problems`);
  }

  /** Starts type-checking src/ and generated/ on the compiler's thread while this one does the rest. */
  prepareLib(): void {
    this.compiler.prepare();
  }

  /** tsc -p tsconfig.build.json; type errors throw. */
  async compileLib(): Promise<void> {
    const problems = await this.compiler.compile();
    if (problems.some(failsBuild)) throw new ProblemsError("tsc -p tsconfig.build.json", problems, this.paths.root);
  }

  private readonly typeSourcesByDocument = new WeakMap<OpenApiDocument, Promise<GeneratedSources>>();

  /** The generated files for a document, computed once (the build starts them early, the types step writes them). */
  typeSources(document: OpenApiDocument): Promise<GeneratedSources> {
    let sources = this.typeSourcesByDocument.get(document);
    if (!sources) {
      // Imported when needed: `npm run lint` and `bundle` share this module and need neither.
      sources = this.cpu.run(() => import("../generate/generate-types.js").then(({ generateTypeSources }) => generateTypeSources(document)));
      sources.catch(() => undefined); // the types step reports it
      this.typeSourcesByDocument.set(document, sources);
    }
    return sources;
  }

  private readonly companionByDocument = new WeakMap<OpenApiDocument, Promise<{ json: string; yaml: string }>>();

  /**
   * The 3.0 companion's two files for a document, computed once: the build makes them while the linters
   * run (tens of seconds at 6,000 operations), the companion step writes them.
   */
  companionFiles(document: OpenApiDocument): Promise<{ json: string; yaml: string }> {
    let files = this.companionByDocument.get(document);
    if (!files) {
      const onWorker = operationCount(document) >= COMPANION_WORKER_FROM_OPERATIONS;
      files = this.heavy(
        "making the 3.0 companion",
        () => (onWorker ? companionOnWorker(document) : import("../bundle/openapi-30.js").then(({ openApi30Files }) => openApi30Files(document))),
        () => (onWorker ? "on a worker thread" : undefined),
      );
      files.catch(() => undefined); // the companion step reports it
      this.companionByDocument.set(document, files);
    }
    return files;
  }

  /** Renders the page into a scratch file; commitDocs() puts it in place. */
  async renderDocs(document: OpenApiDocument): Promise<string> {
    return this.heavy("docs", async () => {
      const { renderDocsToScratch } = await import("../docs/build-docs.js");
      return renderDocsToScratch(document);
    });
  }

  /** renderDocs, a big page on a worker thread of its own (its heap apart from the rest), which ends after it. */
  async renderDocsOnWorker(document: OpenApiDocument): Promise<string> {
    const rendered = this.heavy(
      "docs",
      async () => {
        const { DocsRenderer } = await import("../docs/build-docs.js");
        const renderer = new DocsRenderer();
        try {
          return await renderer.renderToScratch(document);
        } finally {
          await renderer.close();
        }
      },
      ({ onWorker }) => (onWorker ? "on a worker thread" : undefined),
    );
    return (await rendered).scratch;
  }

  async commitDocs(scratch: string): Promise<void> {
    const { commitDocs } = await import("../docs/build-docs.js");
    await commitDocs(scratch, this.paths.docsPage);
  }

  async docs(document: OpenApiDocument): Promise<void> {
    await this.commitDocs(await this.renderDocs(document));
  }

  /** Runs the output steps in order (an overlapping one beside those after it); returns what they changed on disk. */
  async outputs(document: OpenApiDocument, steps: readonly OutputStep[] = OUTPUT_STEPS, yaml?: string): Promise<Set<string>> {
    const changed = new Set<string>();
    const overlapping: Promise<unknown>[] = [];
    let failure: { error: unknown } | undefined;
    try {
      for (const step of steps) {
        const running = this.timed(step.name, () => step.run({ document, yaml, paths: this.paths, builder: this, changed }), (detail) => detail);
        if (!step.overlaps) await running;
        else {
          running.catch(() => undefined); // awaited below
          overlapping.push(running);
        }
      }
    } catch (error) {
      failure = { error };
    }
    // Even when a later step failed, nothing is left running behind the caller's back; the first failure is reported.
    const rejected = (await Promise.allSettled(overlapping)).find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failure) throw failure.error;
    if (rejected) throw rejected.reason;
    return changed;
  }
}

/** `npm run build`: everything, stopping at the first failing stage, as `lint && bundle && ...` did. */
export async function buildAll(builder: Builder, log: Log): Promise<void> {
  builder.prepareLib();
  builder.preload();
  // Redocly lints on its thread while this one bundles; then Spectral lints the bundle on its thread.
  const { bundled, redocly } = await builder.startLintAndBundle();
  const { document } = bundled;
  const spectral = builder.spectral(bundled);
  spectral.catch(() => undefined); // awaited below
  // As a CPU slot frees up (a linter is done), the page is rendered (to a scratch file), and the types
  // and the 3.0 companion are made (in memory): nothing is written where it counts until the lint has passed.
  const page = builder.renderDocsOnWorker(document);
  page.catch(() => undefined); // awaited below, once the lint has passed
  void builder.companionFiles(document);
  void builder.typeSources(document);
  const redoclyProblems = await redocly;
  await builder.closeRedoclyLinter();
  // Both linters' findings, Redocly's first, in one report.
  const problems = [...redoclyProblems, ...(await spectral)];
  await builder.closeSpectral();
  if (problems.some(failsBuild)) throw new ProblemsError("lint", problems, builder.paths.root);
  for (const problem of problems) log(`note: ${formatProblem(problem, builder.paths.root)}`);
  await builder.outputs(document, OUTPUT_STEPS, bundled.yaml);
  await builder.commitDocs(await page);
}
