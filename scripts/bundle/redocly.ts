/**
 * Redocly, in process, through @redocly/openapi-core (pinned next to @redocly/cli): the project's
 * configuration (redocly.yaml), one resolver per build so every file is read and parsed once for both
 * lint and bundle, and lint findings as Problems.
 */
import { resolve } from "node:path";
import { BaseResolver, getLineColLocation, lint, loadConfig, YamlParseError, type Config, type NormalizedProblem } from "@redocly/openapi-core";
import type { Problem } from "../common/problems.js";
import { limitConcurrency } from "../common/concurrency-limit.js";
import { WorkerClient } from "../common/worker-client.js";

export interface RedoclyContext {
  /** The root document, absolute. */
  entry: string;
  config: Config;
  /**
   * Reads and parses each file once per build. Lint must run before bundle on the same resolver:
   * bundling rewrites the $refs of the documents it caches.
   */
  resolver: BaseResolver;
}

/** redocly.yaml of `root`, narrowed, like the CLI, to the `apis` entry whose root is `entry`. */
export async function loadRedoclyConfig(root: string, entry: string): Promise<Config> {
  const config = await loadConfig({ configPath: resolve(root, "redocly.yaml") });
  const apis = config.resolvedConfig.apis ?? {};
  const alias = Object.keys(apis).find((name) => resolve(root, apis[name]!.root) === entry);
  return alias === undefined ? config : config.forAlias(alias);
}

/** Files one resolver reads at once: far below the usual 1,024 descriptors, with two resolvers in a build. */
export const CONCURRENT_FILE_READS = 128;

/** Redocly's resolver, reading at most CONCURRENT_FILE_READS files at once (see concurrency-limit.ts for why). */
export class FileLimitedResolver extends BaseResolver {
  private readonly limit = limitConcurrency(CONCURRENT_FILE_READS);

  override loadExternalRef(absoluteRef: string): ReturnType<BaseResolver["loadExternalRef"]> {
    return this.limit(() => super.loadExternalRef(absoluteRef));
  }
}

export function newRedoclyContext(entry: string, config: Config): RedoclyContext {
  return { entry, config, resolver: new FileLimitedResolver(config.resolve) };
}

/** A Redocly finding as a Problem: file and line of its first location. */
export function redoclyProblem(problem: NormalizedProblem, tool: string): Problem {
  const location = problem.location[0];
  let file = location?.source.absoluteRef ?? "";
  let line = 0;
  if (location) {
    try {
      line = getLineColLocation(location).start.line;
    } catch {
      // A location in a file that does not parse has no line to give; the message says what is wrong.
    }
    file = location.source.absoluteRef;
  }
  return { file, line, rule: problem.ruleId, message: problem.message, severity: problem.severity === "error" ? "error" : "warning", tool };
}

export const YAML_SYNTAX_RULE = "yaml-syntax";

/** A file that does not parse, as a Problem at its line. */
export function yamlProblem(error: YamlParseError): Problem {
  return { file: error.source.absoluteRef, line: error.line, rule: YAML_SYNTAX_RULE, message: error.message, severity: "error", tool: "redocly" };
}

/** `redocly lint` of the entry: every finding that is not ignored (.redocly.lint-ignore.yaml). */
export async function redoclyLint(context: RedoclyContext): Promise<Problem[]> {
  let problems: NormalizedProblem[];
  try {
    problems = await lint({ ref: context.entry, config: context.config, externalRefResolver: context.resolver });
  } catch (error) {
    // Redocly reports a broken referenced file as a finding, but throws for a root file that does not parse.
    if (error instanceof YamlParseError) return [yamlProblem(error)];
    throw error;
  }
  return problems.filter((problem) => !problem.ignored).map((problem) => redoclyProblem(problem, "redocly"));
}

/**
 * `redocly lint` of the entry on a worker thread (redocly-lint.worker.ts), with its own resolver: the
 * build starts it first and bundles on the main thread meanwhile. The worker keeps Redocly and the
 * configuration loaded between lints (`npm run dev`); close() frees its heap when no more lints follow.
 */
export class RedoclyLinter {
  private readonly worker: WorkerClient;

  constructor(root: string, entry: string) {
    // The compiled copy next to this module (scripts/run.mjs): import.meta.url names the source file.
    this.worker = new WorkerClient("redocly lint", new URL(import.meta.resolve("../lint/redocly-lint.worker.js")), { root, entry });
  }

  /** Starts the worker, which loads Redocly and redocly.yaml. */
  warm(): void {
    this.worker.warm();
  }

  /** redocly.yaml changed. */
  reload(): void {
    this.worker.tell({ type: "reload" });
  }

  lint(): Promise<Problem[]> {
    return this.worker.request<Problem[]>({ type: "lint" });
  }

  async close(): Promise<void> {
    await this.worker.close();
  }
}
