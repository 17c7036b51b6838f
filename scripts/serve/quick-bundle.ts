/**
 * The page of an edit to path files only needs those paths bundled again: a root that holds just them,
 * beside the real one (so every $ref resolves the same), bundled with dev's resolver, and its path items
 * put into the last bundle in place. dev renders that first, then bundles everything as before and
 * re-renders if the two differ (so a wrong quick page lasts one render).
 */
import { isDeepStrictEqual } from "node:util";
import { bundle, Source, type BaseResolver, type Config } from "@redocly/openapi-core";
import { isObject } from "../../src/openapi/document.js";
import type { OpenApiDocument } from "../bundle/bundler.js";

type Json = Record<string, any>;

/** `last` with the paths of `changed` bundled again; undefined when that would not equal a full bundle (then bundle it all). */
export async function quickBundle(entry: string, root: unknown, last: OpenApiDocument, changed: Set<string>, config: Config, resolver: BaseResolver): Promise<OpenApiDocument | undefined> {
  if (!isObject(root) || !isObject(root.paths)) return undefined;
  const paths: Json = {};
  for (const [path, item] of Object.entries(root.paths)) {
    const ref = isObject(item) && typeof item.$ref === "string" ? item.$ref : undefined;
    if (ref !== undefined && changed.has(resolver.resolveExternalRef(entry, ref))) paths[path] = item;
  }
  // Every changed file must be a path file that the root names (a schema, the root itself: the whole bundle).
  const named = new Set(Object.values(paths).map((item: Json) => resolver.resolveExternalRef(entry, item.$ref)));
  if (named.size === 0 || [...changed].some((file) => !named.has(file))) return undefined;

  // A copy: the bundler rewrites the $refs of what it is given, and `root` is dev's kept parse.
  const document = { source: new Source(entry, ""), parsed: structuredClone({ openapi: root.openapi, info: root.info, paths }) };
  const result = await bundle({ doc: document, config, externalRefResolver: resolver }).catch(() => undefined);
  if (!result || result.problems.some((problem) => problem.severity === "error")) return undefined;
  const quick = result.bundle.parsed as Json;
  // The components those paths use must be the last bundle's, under the same names.
  for (const [kind, named] of Object.entries(isObject(quick.components) ? quick.components : {})) {
    for (const [name, component] of Object.entries(named as Json)) {
      if (!isDeepStrictEqual(component, (last.components as Json | undefined)?.[kind]?.[name])) return undefined;
    }
  }
  return { ...last, paths: { ...(last.paths as Json), ...quick.paths } };
}
