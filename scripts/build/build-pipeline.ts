/**
 * The build, in one process and one thread: Redocly lint and one bundle on one resolver, finishBundle
 * (code samples), Spectral on the finished bundle (written to dist/lint/openapi.yaml: what ships is
 * what is linted), then, once both linters pass, OUTPUT_STEPS from that one bundle and the docs page.
 * Used by `npm run build` (everything, once) and `npm run dev` (what a change needs, with the ruleset,
 * configuration and compiler kept loaded between builds). BUILD_TIMINGS=1 adds when each stage started,
 * and the process's peak memory, to the log.
 */
import { performance } from "node:perf_hooks";
import type { Config } from "@redocly/openapi-core";
import { bundleOpenApi, bundleToJson, bundleToYaml, loadRedoclyConfig, newRedoclyContext, redoclyLint, writeText, writeTextIfChanged, YAML_SYNTAX_RULE, type OpenApiDocument } from "../bundle/bundler.js";
import { finishBundle } from "../bundle/finish-bundle.js";
import { failsBuild, formatProblem, ProblemsError, type Problem } from "../common/problems.js";
import { projectPaths, type ProjectPaths } from "../common/project-paths.js";
import type { GeneratedSources } from "../generate/generate-types.js";
import { SpectralLinter } from "../lint/spectral.js";
import { LibCompiler } from "./compile-lib.js";

export { projectPaths, type ProjectPaths };

/** The finished bundle; `yaml` is the text Spectral lints (dist/lint/openapi.yaml). */
export interface Bundled {
  document: OpenApiDocument;
  yaml: string;
  files: Set<string>;
}

export interface OutputContext {
  document: OpenApiDocument;
  yaml?: string;
  paths: ProjectPaths;
  builder: Builder;
  /** Steps add what they changed on disk ("bundle", "generated"), so `npm run dev` knows what follows. */
  changed: Set<string>;
}

/** The step that compiles generated/lib; `npm run dev` runs it only when src/ or generated/ changed. */
export const LIB_STEP = "dist/lib";

export interface OutputStep {
  name: string;
  run(context: OutputContext): Promise<string | void>;
}

/** The outputs of one finished bundle, in order; each may read what an earlier one wrote (generated/lib reads generated/). */
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
    async run({ document, paths }) {
      const { openApi30Files } = await import("../bundle/openapi-30.js");
      const files = openApi30Files(document);
      const written = await Promise.all([writeTextIfChanged(paths.bundle30Yaml, files.yaml), writeTextIfChanged(paths.bundle30Json, files.json)]);
      return written.some(Boolean) ? "generated/openapi-3.0.yaml, generated/openapi-3.0.json" : "unchanged";
    },
  },
];

/** Findings after which there is no document to bundle: a file that does not parse, a $ref that leads nowhere. */
const UNBUNDLABLE = new Set([YAML_SYNTAX_RULE, "no-unresolved-refs"]);

export type Log = (line: string) => void;

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

const detailedTimings = process.env.BUILD_TIMINGS === "1";

/** " (peak RSS x GB)" with BUILD_TIMINGS=1, else "". */
export function peakMemory(): string {
  return detailedTimings ? ` (peak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB)` : "";
}

/** Long-lived state of the build: configuration, ruleset and compiler stay loaded between builds. */
export class Builder {
  private redoclyConfig: Promise<Config> | undefined;
  private readonly spectralLinter: SpectralLinter;
  private readonly compiler: LibCompiler;
  private readonly started = performance.now();
  private readonly typeSourcesByDocument = new WeakMap<OpenApiDocument, Promise<GeneratedSources>>();

  constructor(
    readonly paths: ProjectPaths,
    private readonly log: Log,
  ) {
    this.compiler = new LibCompiler(paths.libTsconfig, paths.libBuildInfo);
    this.spectralLinter = new SpectralLinter(paths.spectralRuleset);
  }

  /** redocly.yaml changed. */
  reloadRedoclyConfig(): void {
    this.redoclyConfig = undefined;
  }

  /** .spectral.yaml or .spectral/ changed. */
  reloadRuleset(): void {
    this.spectralLinter.reload();
  }

  private async context() {
    this.redoclyConfig ??= loadRedoclyConfig(this.paths.root, this.paths.entry);
    this.redoclyConfig.catch(() => (this.redoclyConfig = undefined)); // a broken redocly.yaml is retried after an edit
    return newRedoclyContext(this.paths.entry, await this.redoclyConfig);
  }

  async timed<T>(name: string, fn: () => Promise<T>, describe?: (value: T) => string | void): Promise<T> {
    const started = performance.now();
    const value = await fn();
    const detail = describe?.(value);
    const at = detailedTimings ? ` (at ${seconds(started - this.started)})` : "";
    this.log(`${name}: ${seconds(performance.now() - started)}${at}${detail ? ` (${detail})` : ""}`);
    return value;
  }

  /**
   * Redocly lint of the source, then the one bundle on the same resolver (every file read and parsed
   * once). A file that does not parse or a $ref that leads nowhere throws a ProblemsError naming file and
   * line, as `redocly lint` names them.
   */
  async lintAndBundle(): Promise<{ bundled: Bundled; problems: Problem[] }> {
    const context = await this.context();
    const problems = await this.timed("redocly lint", () => redoclyLint(context), (found) => `${found.length} problems`);
    if (problems.some((problem) => UNBUNDLABLE.has(problem.rule))) throw new ProblemsError("openapi/ cannot be bundled", problems, this.paths.root);
    return { bundled: await this.bundle(context), problems };
  }

  /** The bundle alone, on a resolver of its own (`npm run dev` renders the page before linting). */
  async bundleOnly(): Promise<Bundled> {
    return this.bundle(await this.context());
  }

  private bundle(context: Awaited<ReturnType<Builder["context"]>>): Promise<Bundled> {
    return this.timed("bundle", async () => {
      const result = await bundleOpenApi(context, this.paths.root);
      const document = finishBundle(result.document);
      const yaml = bundleToYaml(document);
      await writeText(this.paths.lintBundle, yaml);
      return { document, yaml, files: result.files };
    });
  }

  async redoclyLint(): Promise<Problem[]> {
    const context = await this.context();
    return this.timed("redocly lint", () => redoclyLint(context), (found) => `${found.length} problems`);
  }

  async spectral(bundled: Bundled): Promise<Problem[]> {
    return this.timed("spectral lint", () => this.spectralLinter.lint(bundled.yaml, this.paths.lintBundle, bundled.document), (found) => `${found.length} problems`);
  }

  /** tsc -p tsconfig.build.json; type errors throw. */
  async compileLib(): Promise<void> {
    const problems = await this.compiler.compile();
    if (problems.some(failsBuild)) throw new ProblemsError("tsc -p tsconfig.build.json", problems, this.paths.root);
  }

  /** The generated files for a document, computed once per document. */
  typeSources(document: OpenApiDocument): Promise<GeneratedSources> {
    let sources = this.typeSourcesByDocument.get(document);
    if (!sources) {
      // Imported when needed: `npm run lint` shares this module and needs none of it.
      sources = import("../generate/generate-types.js").then(({ generateTypeSources }) => generateTypeSources(document));
      this.typeSourcesByDocument.set(document, sources);
    }
    return sources;
  }

  /** Renders the page into a scratch file; commitDocs() puts it in place. */
  async renderDocs(document: OpenApiDocument): Promise<string> {
    return this.timed("docs", async () => (await import("../docs/build-docs.js")).renderDocsToScratch(document));
  }

  /** The build's render: where it runs is scripts/docs/build-docs.ts's choice. */
  async renderDocsOnWorker(document: OpenApiDocument): Promise<string> {
    return this.timed("docs", async () => {
      const { DocsRenderer } = await import("../docs/build-docs.js");
      const renderer = new DocsRenderer();
      try {
        return (await renderer.renderToScratch(document)).scratch;
      } finally {
        await renderer.close();
      }
    });
  }

  async commitDocs(scratch: string): Promise<void> {
    const { commitDocs } = await import("../docs/build-docs.js");
    await commitDocs(scratch, this.paths.docsPage);
  }

  async docs(document: OpenApiDocument): Promise<void> {
    await this.commitDocs(await this.renderDocs(document));
  }

  /** Runs the steps in order; returns what they changed on disk. */
  async outputs(document: OpenApiDocument, steps: readonly OutputStep[] = OUTPUT_STEPS, yaml?: string): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const step of steps) await this.timed(step.name, () => step.run({ document, yaml, paths: this.paths, builder: this, changed }), (detail) => detail);
    return changed;
  }
}

/**
 * `npm run build`: everything, stopping at the first failing stage. generated/lib is compiled from the start,
 * in its child process (again after the types step, when it changed generated/); the other outputs are
 * written only once the lint has passed.
 */
export async function buildAll(builder: Builder, log: Log): Promise<void> {
  let lib = builder.timed(LIB_STEP, () => builder.compileLib());
  lib.catch(() => undefined); // awaited below
  const { bundled, problems: redocly } = await builder.lintAndBundle();
  // Both linters' findings, Redocly's first, in one report.
  const problems = [...redocly, ...(await builder.spectral(bundled))];
  if (problems.some(failsBuild)) throw new ProblemsError("lint", problems, builder.paths.root);
  for (const problem of problems) log(`note: ${formatProblem(problem, builder.paths.root)}`);
  const changed = await builder.outputs(bundled.document, OUTPUT_STEPS.filter((step) => step.name !== LIB_STEP), bundled.yaml);
  await builder.commitDocs(await builder.renderDocsOnWorker(bundled.document));
  if (changed.has("generated")) lib = lib.catch(() => undefined).then(() => builder.timed(LIB_STEP, () => builder.compileLib()));
  await lib;
}
