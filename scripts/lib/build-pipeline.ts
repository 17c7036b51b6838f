/**
 * The build, in one process: lint, bundle once, then every output from that one bundle. Used by
 * `npm run build` (scripts/build.ts: everything, once) and `npm run dev` (scripts/dev.ts: the stages
 * a change needs, with the caches of this object kept warm between builds).
 *
 *   redocly lint (source) -> bundle (Redocly, once) -> finishBundle (code samples) -> spectral lint (the
 *   finished bundle, as dist/lint/openapi.yaml: what ships is what is linted) -> OUTPUT_STEPS in order
 *   (bundle files, the 3.0 companion, types, dist/lib), the docs page alongside.
 */
import { performance } from "node:perf_hooks";
import type { Config } from "@redocly/openapi-core";
import { bundleOpenApi, bundleToJson, bundleToYaml, writeText, writeTextIfChanged, type OpenApiDocument } from "./bundle.js";
import { LibCompiler } from "./compile-lib.js";
import type { GeneratedSources } from "./generate-types.js";
import { finishBundle } from "./finish-bundle.js";
import { failsBuild, formatProblem, ProblemsError, type Problem } from "./problems.js";
import { YamlParseError } from "@redocly/openapi-core";
import { loadRedoclyConfig, newRedoclyContext, redoclyLint, yamlProblem, YAML_SYNTAX_RULE } from "./redocly.js";
import { projectPaths, type ProjectPaths } from "./project-paths.js";
import { SpectralLinter } from "./spectral.js";

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
}

/**
 * The outputs of one finished bundle, in order; each may read what an earlier one wrote. Another
 * output (e.g. a companion document in another OpenAPI version) is one more entry here.
 */
export const OUTPUT_STEPS: OutputStep[] = [
  {
    name: "bundle files",
    async run({ document, paths, changed }) {
      const written = await Promise.all([writeTextIfChanged(paths.bundleYaml, bundleToYaml(document)), writeTextIfChanged(paths.bundleJson, bundleToJson(document))]);
      if (written.some(Boolean)) changed.add("bundle");
      return written.some(Boolean) ? "dist/openapi.yaml, dist/openapi.json" : "unchanged";
    },
  },
  {
    name: "openapi 3.0 companion",
    async run({ document, paths }) {
      const { openApi30Files } = await import("./openapi-30.js");
      const files = openApi30Files(document);
      const written = await Promise.all([writeTextIfChanged(paths.bundle30Yaml, files.yaml), writeTextIfChanged(paths.bundle30Json, files.json)]);
      return written.some(Boolean) ? "dist/openapi-3.0.yaml, dist/openapi-3.0.json" : "unchanged";
    },
  },
  {
    name: "types",
    async run({ document, paths, changed, builder }) {
      const { writeGenerated } = await import("./generate-types.js");
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
      return "dist/lib";
    },
  },
];

/** Findings after which there is no document to bundle: a file that does not parse, a $ref that leads nowhere. */
const UNBUNDLABLE = new Set([YAML_SYNTAX_RULE, "no-unresolved-refs"]);

export type Log = (line: string) => void;

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Long-lived state of the build: configuration, ruleset and compiler stay loaded between builds. */
export class Builder {
  readonly paths: ProjectPaths;
  private readonly log: Log;
  private redoclyConfig: Promise<Config> | undefined;
  private readonly spectralLinter: SpectralLinter;
  private readonly compiler: LibCompiler;

  constructor(paths: ProjectPaths, log: Log) {
    this.paths = paths;
    this.log = log;
    this.compiler = new LibCompiler(paths.libTsconfig, paths.libBuildInfo);
    this.spectralLinter = new SpectralLinter(paths.spectralRuleset);
  }

  /** Forget redocly.yaml (it changed). */
  reloadRedoclyConfig(): void {
    this.redoclyConfig = undefined;
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
    this.log(`${name}: ${seconds(performance.now() - started)}${detail ? ` (${detail})` : ""}`);
    return value;
  }

  /**
   * Redocly lint of the source, then the one bundle (same resolver: each file read and parsed once).
   * A YAML syntax error or a $ref that leads nowhere throws a ProblemsError naming file and line.
   */
  async lintAndBundle(): Promise<{ bundled: Bundled; problems: Problem[] }> {
    this.preload();
    const config = await this.redoclyConfig!;
    const context = newRedoclyContext(this.paths.entry, config);
    const problems = await this.timed("redocly lint", () => redoclyLint(context), (found) => `${found.length} problems`);
    // A file that does not parse, or a $ref that leads nowhere, stops here: there is nothing to bundle.
    if (problems.some((problem) => UNBUNDLABLE.has(problem.rule))) throw new ProblemsError("openapi/ cannot be bundled", problems, this.paths.root);
    const result = await this.timed("bundle", () => bundleOpenApi(context, this.paths.root));
    const document = finishBundle(result.document);
    const yaml = bundleToYaml(document);
    await writeText(this.paths.lintBundle, yaml);
    return { bundled: { document, yaml, files: result.files }, problems };
  }

  /**
   * The bundle alone, on its own resolver (`npm run dev` renders the page before linting). A file that
   * does not parse or a $ref that leads nowhere throws a ProblemsError naming file and line.
   */
  async bundleOnly(): Promise<Bundled> {
    this.preload();
    const context = newRedoclyContext(this.paths.entry, await this.redoclyConfig!);
    let result;
    try {
      result = await this.timed("bundle", () => bundleOpenApi(context, this.paths.root));
    } catch (error) {
      if (error instanceof YamlParseError) throw new ProblemsError("openapi/ cannot be bundled", [yamlProblem(error)], this.paths.root);
      throw error;
    }
    const document = finishBundle(result.document);
    const yaml = bundleToYaml(document);
    await writeText(this.paths.lintBundle, yaml);
    return { document, yaml, files: result.files };
  }

  /** Redocly lint of the source on a resolver of its own. */
  async redoclyLint(): Promise<Problem[]> {
    this.preload();
    const context = newRedoclyContext(this.paths.entry, await this.redoclyConfig!);
    return this.timed("redocly lint", () => redoclyLint(context), (found) => `${found.length} problems`);
  }

  async spectral(bundled: Bundled): Promise<Problem[]> {
    this.preload();
    return this.timed("spectral lint", () => this.spectralLinter.lint(bundled.yaml, this.paths.lintBundle, bundled.document), (found) => `${found.length} problems`);
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
      sources = import("./generate-types.js").then(({ generateTypeSources }) => generateTypeSources(document));
      sources.catch(() => undefined); // the types step reports it
      this.typeSourcesByDocument.set(document, sources);
    }
    return sources;
  }

  /** Renders the page into a scratch file; commitDocs() puts it in place. */
  async renderDocs(document: OpenApiDocument): Promise<string> {
    const { renderDocsToScratch } = await import("../build-docs.js");
    return this.timed("docs", () => renderDocsToScratch(document));
  }

  async commitDocs(scratch: string): Promise<void> {
    const { commitDocs } = await import("../build-docs.js");
    await commitDocs(scratch, this.paths.docsPage);
  }

  async docs(document: OpenApiDocument): Promise<void> {
    await this.commitDocs(await this.renderDocs(document));
  }

  /** Runs the output steps in order; returns what they changed on disk. */
  async outputs(document: OpenApiDocument, steps: readonly OutputStep[] = OUTPUT_STEPS): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const step of steps) await this.timed(step.name, () => step.run({ document, paths: this.paths, builder: this, changed }), (detail) => detail);
    return changed;
  }
}

/** `npm run build`: everything, stopping at the first failing stage, as `lint && bundle && ...` did. */
export async function buildAll(builder: Builder, log: Log): Promise<void> {
  builder.prepareLib();
  builder.preload();
  const { bundled, problems: redoclyProblems } = await builder.lintAndBundle();
  if (redoclyProblems.some(failsBuild)) throw new ProblemsError("lint", redoclyProblems, builder.paths.root);
  const { document } = bundled;
  // While Spectral runs on its thread, this one renders the page (to a scratch file) and generates the
  // types (in memory): nothing is written where it counts until the lint has passed.
  const spectral = builder.spectral(bundled);
  const page = builder.renderDocs(document);
  page.catch(() => undefined); // awaited below, once the lint has passed
  void builder.typeSources(document);
  const problems = [...redoclyProblems, ...(await spectral)];
  if (problems.some(failsBuild)) throw new ProblemsError("lint", problems, builder.paths.root);
  for (const problem of problems) log(`note: ${formatProblem(problem, builder.paths.root)}`);
  await builder.outputs(document);
  await builder.commitDocs(await page);
}
