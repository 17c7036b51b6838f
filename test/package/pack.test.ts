/**
 * What `npm pack` would publish: the bundles, the client and the generated types are in; sources of the
 * document, tests, scripts and benchmarks are out; everything the shipped files point at (exports,
 * source maps, relative imports, runtime packages) is shipped or declared. Needs a prior `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, normalize } from "node:path/posix";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  main?: string;
  types?: string;
  exports: unknown;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

const BUILD_OUTPUTS = ["generated/openapi.json", "generated/openapi.yaml", "generated/openapi-3.0.json", "generated/openapi-3.0.yaml", "generated/lib/src/index.js", "generated/lib/generated/atlas.d.ts"];

const REQUIRED = [
  "package.json",
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  "docs/consumers.md",
  "generated/openapi.json",
  "generated/openapi.yaml",
  "generated/openapi-3.0.json",
  "generated/openapi-3.0.yaml",
  "generated/atlas-admin.postman_collection.json",
  "generated/lib/src/index.js",
  "generated/lib/src/index.d.ts",
  "generated/lib/generated/atlas.js",
  "generated/lib/generated/atlas.d.ts",
  "generated/lib/generated/media-types.js",
  "generated/lib/generated/media-types.d.ts",
  "generated/lib/src/validate/index.js",
  "generated/lib/src/validate/index.d.ts",
  "generated/lib/generated/response-validators.js",
  "generated/lib/generated/response-validators.d.ts",
];

/** Paths consumers never need (generated/'s own modules ship compiled, in generated/lib/). src/ TypeScript ships only as the sources of the shipped source maps. */
const FORBIDDEN = [/^openapi\//, /^test\//, /^bench\//, /^scripts\//, /^node_modules\//, /^\.ci\//, /^\.spectral/, /^dist\//, /^generated\/(?!lib\/|openapi|atlas-admin\.postman_collection\.json$)/, /^redocly\.yaml$/, /^tsconfig.*\.json$/, /^vitest\.config\./, /\.tgz$/, /\.test\./];

let files: Set<string>;

function packFileList(): Set<string> {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const [report] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
  if (!report) throw new Error("npm pack --dry-run --json printed no package");
  return new Set(report.files.map((file) => file.path));
}

function read(path: string): string {
  return readFileSync(join(root, path), "utf8");
}

/** Every string leaf of an `exports` map: the files consumers can reach. */
function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(exportTargets);
  return [];
}

function specifiers(js: string): string[] {
  const found: string[] = [];
  for (const match of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) found.push(match[1]!);
  return found;
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

beforeAll(() => {
  const missing = BUILD_OUTPUTS.filter((path) => !existsSync(join(root, path)));
  if (missing.length > 0) {
    throw new Error(`test/package checks the build output; run \`npm run build\` first. Missing: ${missing.join(", ")}`);
  }
  files = packFileList();
});

describe("npm pack contents", () => {
  it("ships the bundles, the client, the generated types and the validate entry", () => {
    expect(REQUIRED.filter((path) => !files.has(path))).toEqual([]);
  });

  it("ships nothing from the document sources, tests, scripts, benchmarks or other build outputs", () => {
    expect([...files].filter((path) => FORBIDDEN.some((pattern) => pattern.test(path)))).toEqual([]);
  });

  it("ships TypeScript sources only where a shipped source map points at them", () => {
    const mapSources = new Set<string>();
    for (const map of [...files].filter((path) => path.endsWith(".map"))) {
      const { sources } = JSON.parse(read(map)) as { sources: string[] };
      for (const source of sources) mapSources.add(normalize(join(dirname(map), source)));
    }
    const sources = [...files].filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts"));
    expect(sources.filter((path) => !mapSources.has(path))).toEqual([]);
    expect([...mapSources].filter((path) => !files.has(path))).toEqual([]);
  });

  it("ships every source map a shipped file names", () => {
    const dangling: string[] = [];
    for (const path of [...files].filter((file) => file.endsWith(".js") || file.endsWith(".d.ts"))) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(read(path))?.[1];
      if (url && !files.has(join(dirname(path), url))) dangling.push(`${path} -> ${url}`);
    }
    expect(dangling).toEqual([]);
  });

  it("ships every file package.json's exports, main and types point at", () => {
    const targets = [...exportTargets(pkg.exports), pkg.main, pkg.types].filter((path): path is string => path !== undefined);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    expect(targets.map((path) => normalize(path)).filter((path) => !files.has(path))).toEqual([]);
  });

  it("ships every module the shipped JavaScript imports, and declares every package it imports as a dependency", () => {
    const runtime = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const path of [...files].filter((file) => file.endsWith(".js"))) {
      for (const specifier of specifiers(read(path))) {
        if (specifier.startsWith(".")) {
          const target = normalize(join(dirname(path), specifier));
          if (!files.has(target)) problems.push(`${path}: imports ${specifier}, which is not shipped`);
        } else if (!specifier.startsWith("node:") && !builtins.has(specifier) && !runtime.has(packageNameOf(specifier))) {
          problems.push(`${path}: imports ${specifier}, which is not in dependencies`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
