/**
 * The one bundling of openapi/ that everything uses: `npm run bundle`, `npm run build` and
 * `npm run dev`. Redocly bundles the multi-file document once; the result is written the way
 * `redocly bundle --output x.yaml|json` writes it (top-level keys in the CLI's order, js-yaml with no
 * line wrapping, JSON indented by 2), so dist/openapi.{yaml,json} are byte for byte what the CLI wrote.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { bundle, stringifyYaml } from "@redocly/openapi-core";
import { ProblemsError, failsBuild, type Problem } from "../common/problems.js";
import type { ProjectPaths } from "../common/project-paths.js";
import { loadRedoclyConfig, newRedoclyContext, redoclyProblem, type RedoclyContext } from "./redocly.js";

/** The order in which @redocly/cli 2.x writes the top-level keys of an OpenAPI 3 bundle; others follow as they were. */
const OPENAPI3_TOP_LEVEL_ORDER = ["openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "externalDocs", "paths", "webhooks", "x-webhooks", "components"];

export type OpenApiDocument = Record<string, unknown>;

export interface BundleResult {
  /**
   * The bundled document, every $ref local, its keys in source order (what `redocly build-docs`
   * renders from; the files get the CLI's top-level order when serialised).
   */
  document: OpenApiDocument;
  /** Every file the bundle read (for watchers). */
  files: Set<string>;
}

function inCliOrder(document: OpenApiDocument): OpenApiDocument {
  const ordered: OpenApiDocument = {};
  for (const key of OPENAPI3_TOP_LEVEL_ORDER) if (Object.hasOwn(document, key)) ordered[key] = document[key];
  return Object.assign(ordered, document);
}

/**
 * The bundler reports a $ref it cannot follow (missing file, file that does not parse) under the rule
 * name "bundler"; `redocly lint` reports the same finding as no-unresolved-refs, the name authors know.
 */
function namedLikeLint(problem: Problem): Problem {
  const unresolved = problem.rule === "bundler" && /^(Can't resolve \$ref|Failed to parse)/.test(problem.message);
  return unresolved ? { ...problem, rule: "no-unresolved-refs" } : problem;
}

/** Bundles the entry; fails, naming file, line and rule, when Redocly reports an error (a $ref that leads nowhere, ...). */
export async function bundleOpenApi(context: RedoclyContext, root: string): Promise<BundleResult> {
  const result = await bundle({ ref: context.entry, config: context.config, externalRefResolver: context.resolver });
  const problems = result.problems.filter((problem) => !problem.ignored).map((problem) => redoclyProblem(problem, "bundle")).map(namedLikeLint);
  // `redocly bundle` refuses to write a bundle with errors and writes one with warnings.
  if (problems.some((problem) => problem.severity === "error")) throw new ProblemsError("bundle", problems.filter(failsBuild), root);
  return { document: result.bundle.parsed as OpenApiDocument, files: result.fileDependencies };
}

/** Redocly's bundle of a project's openapi/ (its redocly.yaml applied), for callers outside the build (npm run bundle, tests). */
export async function bundleProject(paths: ProjectPaths): Promise<OpenApiDocument> {
  const context = newRedoclyContext(paths.entry, await loadRedoclyConfig(paths.root, paths.entry));
  return (await bundleOpenApi(context, paths.root)).document;
}

export function bundleToYaml(document: OpenApiDocument): string {
  return stringifyYaml(inCliOrder(document), { noRefs: true, lineWidth: -1 });
}

export function bundleToJson(document: OpenApiDocument): string {
  return JSON.stringify(inCliOrder(document), null, 2);
}

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
