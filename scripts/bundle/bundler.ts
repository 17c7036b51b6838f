// Redocly in process (@redocly/openapi-core, pinned next to @redocly/cli): redocly.yaml, lint findings as
// Problems, and the one bundling of openapi/ that everything uses, written the way `redocly bundle --output
// x.yaml|json` writes it (top-level keys in the CLI's order, js-yaml with no line wrapping, JSON indented by 2).
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { BaseResolver, bundle, createConfig, getLineColLocation, lint, loadConfig, stringifyYaml, YamlParseError, type Config, type NormalizedProblem } from "@redocly/openapi-core";
import { limitConcurrency } from "../common/concurrency-limit.js";
import { failsBuild, ProblemsError, type Problem } from "../common/problems.js";
import type { ProjectPaths } from "../common/project-paths.js";

export type OpenApiDocument = Record<string, unknown>;

/** The order in which @redocly/cli 2.x writes the top-level keys of an OpenAPI 3 bundle; others follow as they were. */
const OPENAPI3_TOP_LEVEL_ORDER = ["openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "externalDocs", "paths", "webhooks", "x-webhooks", "components"];

export const YAML_SYNTAX_RULE = "yaml-syntax";

/** redocly.yaml of `root` (Redocly's defaults without one), narrowed, like the CLI, to the `apis` entry whose root is `entry`. */
export async function loadRedoclyConfig(root: string, entry: string): Promise<Config> {
  const file = resolve(root, "redocly.yaml");
  const config = existsSync(file) ? await loadConfig({ configPath: file }) : await createConfig({});
  const apis = config.resolvedConfig.apis ?? {};
  const alias = Object.keys(apis).find((name) => resolve(root, apis[name]!.root) === entry);
  return alias === undefined ? config : config.forAlias(alias);
}

/** Files a resolver reads at once: Redocly's own resolver has no bound, and runs out of descriptors (EMFILE) on big trees. */
export const CONCURRENT_FILE_READS = 128;

export class FileLimitedResolver extends BaseResolver {
  private readonly limit = limitConcurrency(CONCURRENT_FILE_READS);

  override loadExternalRef(absoluteRef: string): ReturnType<BaseResolver["loadExternalRef"]> {
    return this.limit(() => super.loadExternalRef(absoluteRef));
  }
}

/** One resolver reads and parses each file once. Lint must run before bundle on it: bundling rewrites the $refs it caches. */
export type RedoclyContext = { entry: string; config: Config; resolver: BaseResolver };

export function newRedoclyContext(entry: string, config: Config): RedoclyContext {
  return { entry, config, resolver: new FileLimitedResolver(config.resolve) };
}

/** A Redocly finding as a Problem: file and line of its first location. */
function redoclyProblem(problem: NormalizedProblem, tool: string): Problem {
  const location = problem.location[0];
  let line = 0;
  try {
    if (location) line = getLineColLocation(location).start.line;
  } catch {
    // A location in a file that does not parse has no line to give; the message says what is wrong.
  }
  return { file: location?.source.absoluteRef ?? "", line, rule: problem.ruleId, message: problem.message, severity: problem.severity === "error" ? "error" : "warning", tool };
}

export function yamlProblem(error: YamlParseError): Problem {
  return { file: error.source.absoluteRef, line: error.line, rule: YAML_SYNTAX_RULE, message: error.message, severity: "error", tool: "redocly" };
}

/** `redocly lint` of the entry: every finding that is not ignored (.redocly.lint-ignore.yaml). */
export async function redoclyLint(context: RedoclyContext): Promise<Problem[]> {
  try {
    const problems = await lint({ ref: context.entry, config: context.config, externalRefResolver: context.resolver });
    return problems.filter((problem) => !problem.ignored).map((problem) => redoclyProblem(problem, "redocly"));
  } catch (error) {
    // Redocly reports a broken referenced file as a finding, but throws for a root file that does not parse.
    if (error instanceof YamlParseError) return [yamlProblem(error)];
    throw error;
  }
}

/**
 * Bundles the entry (every $ref local, keys in source order); fails naming file, line and rule on an
 * error. A $ref the bundler cannot follow is named no-unresolved-refs, as `redocly lint` names it.
 */
export async function bundleOpenApi(context: RedoclyContext, root: string): Promise<{ document: OpenApiDocument; files: Set<string> }> {
  let result;
  try {
    result = await bundle({ ref: context.entry, config: context.config, externalRefResolver: context.resolver });
  } catch (error) {
    if (error instanceof YamlParseError) throw new ProblemsError("openapi/ cannot be bundled", [yamlProblem(error)], root);
    throw error;
  }
  const problems = result.problems
    .filter((problem) => !problem.ignored)
    .map((problem) => redoclyProblem(problem, "bundle"))
    .map((p) => (p.rule === "bundler" && /^(Can't resolve \$ref|Failed to parse)/.test(p.message) ? { ...p, rule: "no-unresolved-refs" } : p));
  // `redocly bundle` refuses to write a bundle with errors and writes one with warnings.
  if (problems.some((problem) => problem.severity === "error")) throw new ProblemsError("bundle", problems.filter(failsBuild), root);
  return { document: result.bundle.parsed as OpenApiDocument, files: result.fileDependencies };
}

/** Redocly's bundle of a project's openapi/ (its redocly.yaml applied), for callers outside the build. */
export async function bundleProject(paths: ProjectPaths): Promise<OpenApiDocument> {
  const context = newRedoclyContext(paths.entry, await loadRedoclyConfig(paths.root, paths.entry));
  return (await bundleOpenApi(context, paths.root)).document;
}

function inCliOrder(document: OpenApiDocument): OpenApiDocument {
  const ordered: OpenApiDocument = {};
  for (const key of OPENAPI3_TOP_LEVEL_ORDER) if (Object.hasOwn(document, key)) ordered[key] = document[key];
  return Object.assign(ordered, document);
}

export const bundleToYaml = (document: OpenApiDocument): string => stringifyYaml(inCliOrder(document), { noRefs: true, lineWidth: -1 });

export const bundleToJson = (document: OpenApiDocument): string => JSON.stringify(inCliOrder(document), null, 2);

export async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Writes `text` unless the file already holds it; true when it wrote (an unchanged file keeps its mtime). */
export async function writeTextIfChanged(file: string, text: string): Promise<boolean> {
  if ((await readFile(file, "utf8").catch(() => undefined)) === text) return false;
  await writeText(file, text);
  return true;
}
