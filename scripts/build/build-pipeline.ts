/**
 * The build's stages: Redocly lint and one bundle on one resolver, finishBundle (code samples), Spectral
 * on the finished bundle (dist/lint/openapi.yaml: what ships is what is linted), then OUTPUT_STEPS from it.
 * Used by `npm run build`, `npm run lint` and `npm run dev` (which keeps one Builder loaded between builds).
 */
import { performance } from "node:perf_hooks";
import type { Config } from "@redocly/openapi-core";
import { bundleOpenApi, bundleToJson, bundleToYaml, loadRedoclyConfig, newRedoclyContext, redoclyLint, writeText, writeTextIfChanged, YAML_SYNTAX_RULE, type OpenApiDocument, type RedoclyContext } from "../bundle/bundler.js";
import { finishBundle } from "../bundle/finish-bundle.js";
import { failsBuild, ProblemsError, type Problem } from "../common/problems.js";
import { projectPaths, type ProjectPaths } from "../common/project-paths.js";
import { SpectralLinter } from "../lint/spectral.js";
import { compileLib } from "./compile-lib.js";

export { projectPaths, type ProjectPaths };

/** The finished bundle; `yaml` is the text Spectral lints (dist/lint/openapi.yaml). */
export interface Bundled {
  document: OpenApiDocument;
  yaml: string;
  files: Set<string>;
}

/** The name the generated/lib compile is timed under; it runs beside OUTPUT_STEPS, not among them. */
export const LIB_STEP = "dist/lib";

export interface OutputStep {
  name: string;
  /** Adds what it changed on disk to `changed` ("bundle", "generated": `npm run dev` acts on them). */
  run(context: { document: OpenApiDocument; yaml: string; paths: ProjectPaths; changed: Set<string> }): Promise<string>;
}

/** Writes each [file, text] that changed; true when any did. */
const writeChanged = async (...files: [string, string][]) => (await Promise.all(files.map(([file, text]) => writeTextIfChanged(file, text)))).some(Boolean);

/** The outputs of one finished bundle, in order. Each imports its module when run: `npm run lint` needs none of them. */
export const OUTPUT_STEPS: OutputStep[] = [
  {
    name: "types",
    async run({ document, paths, changed }) {
      const { generateTypeSources, writeGenerated } = await import("../generate/generate-types.js");
      const sources = await generateTypeSources(document);
      const written = await writeGenerated(paths.generatedDir, sources);
      if (written.length > 0) changed.add("generated");
      return `generated/: ${sources.operations} operations${written.length ? `, wrote ${written.join(", ")}` : ", unchanged"}`;
    },
  },
  {
    name: "bundle files",
    async run({ document, yaml, paths, changed }) {
      if (!(await writeChanged([paths.bundleYaml, yaml], [paths.bundleJson, bundleToJson(document)]))) return "unchanged";
      changed.add("bundle");
      return "generated/openapi.yaml, generated/openapi.json";
    },
  },
  { name: "postman collection", run: ({ document, paths }) => import("../postman/collection.js").then(({ writeCollection }) => writeCollection(document, paths)) },
  {
    name: "openapi 3.0 companion",
    async run({ document, paths }) {
      const { json, yaml } = (await import("../bundle/openapi-30.js")).openApi30Files(document);
      const written = await writeChanged([paths.bundle30Yaml, yaml], [paths.bundle30Json, json]);
      return written ? "generated/openapi-3.0.yaml, generated/openapi-3.0.json" : "unchanged";
    },
  },
];

/** Findings after which there is no document to bundle: a file that does not parse, a $ref that leads nowhere. */
const UNBUNDLABLE = new Set([YAML_SYNTAX_RULE, "no-unresolved-refs"]);

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Long-lived state of the build: configuration, ruleset and compiler stay loaded between builds. */
export class Builder {
  private redoclyConfig: Promise<Config> | undefined;
  private readonly spectralLinter: SpectralLinter;
  private readonly started = performance.now();

  constructor(
    readonly paths: ProjectPaths,
    private readonly log: (line: string) => void,
  ) {
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

  private async context(): Promise<RedoclyContext> {
    this.redoclyConfig ??= loadRedoclyConfig(this.paths.root, this.paths.entry);
    this.redoclyConfig.catch(() => (this.redoclyConfig = undefined)); // a broken redocly.yaml is retried after an edit
    return newRedoclyContext(this.paths.entry, await this.redoclyConfig);
  }

  /** Logs `name: time`; with BUILD_TIMINGS=1 also when it started (the scale benchmark reads both). */
  async timed<T>(name: string, fn: () => Promise<T>, describe?: (value: T) => string | void): Promise<T> {
    const started = performance.now();
    const value = await fn();
    const detail = describe?.(value);
    const at = process.env.BUILD_TIMINGS === "1" ? ` (at ${seconds(started - this.started)})` : "";
    this.log(`${name}: ${seconds(performance.now() - started)}${at}${detail ? ` (${detail})` : ""}`);
    return value;
  }

  /**
   * Redocly lint of the source, then the one bundle on the same resolver (every file read and parsed once).
   * A file that does not parse or a $ref that leads nowhere throws a ProblemsError naming file and line.
   */
  async lintAndBundle(): Promise<{ bundled: Bundled; problems: Problem[] }> {
    const context = await this.context();
    const problems = await this.redoclyLint(context);
    if (problems.some((problem) => UNBUNDLABLE.has(problem.rule))) throw new ProblemsError("openapi/ cannot be bundled", problems, this.paths.root);
    const bundled = await this.timed("bundle", async () => {
      const { document, files } = await bundleOpenApi(context, this.paths.root);
      const finished = finishBundle(document);
      const yaml = bundleToYaml(finished);
      await writeText(this.paths.lintBundle, yaml);
      return { document: finished, yaml, files };
    });
    return { bundled, problems };
  }

  async redoclyLint(context?: RedoclyContext): Promise<Problem[]> {
    const lintContext = context ?? (await this.context());
    return this.timed("redocly lint", () => redoclyLint(lintContext), (found) => `${found.length} problems`);
  }

  async spectral(bundled: Bundled): Promise<Problem[]> {
    return this.timed("spectral lint", () => this.spectralLinter.lint(bundled.yaml, this.paths.lintBundle, bundled.document), (found) => `${found.length} problems`);
  }

  /** tsc -p tsconfig.build.json; type errors throw. */
  async compileLib(): Promise<void> {
    const problems = await compileLib(this.paths.libTsconfig, this.paths.libBuildInfo);
    if (problems.some(failsBuild)) throw new ProblemsError("tsc -p tsconfig.build.json", problems, this.paths.root);
  }

  /** Runs the steps in order; returns what they changed on disk. */
  async outputs(document: OpenApiDocument, steps: readonly OutputStep[], yaml: string): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const step of steps) await this.timed(step.name, () => step.run({ document, yaml, paths: this.paths, changed }), (detail) => detail);
    return changed;
  }
}
