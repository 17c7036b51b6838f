/**
 * The bare tool invocations behind each pipeline step, with the arguments the project's scripts pass
 * (what scripts/lint/lint.ts, scripts/bundle/bundle.ts, scripts/generate/generate.ts, tsconfig.build.json and the docs script do), run
 * straight from node_modules/.bin: no npm, npx, bash or tsx in between. Keep them in step with those
 * scripts.
 */
import { join } from "node:path";
import type { CommandSpec } from "./measure.js";

export const DOCUMENT_ROOT = "openapi/openapi.yaml";
/** Written by createWorkspace. */
export const EMPTY_REDOCLY_CONFIG = "dist/bench/redocly-empty.yaml";

export function bareTools(dir: string) {
  const bin = (name: string) => join(dir, "node_modules", ".bin", name);
  const spec = (label: string, tool: string, args: string[]): CommandSpec => ({ label, command: bin(tool), args, cwd: dir });
  return {
    redoclyLint: spec("redocly lint", "redocly", ["lint", DOCUMENT_ROOT, "--max-problems", "1000"]),
    bundleForLint: spec("redocly bundle (for Spectral)", "redocly", ["bundle", DOCUMENT_ROOT, "--output", "dist/lint/openapi.yaml"]),
    spectralLint: (bundled: string) => spec("spectral lint", "spectral", ["lint", bundled, "--ruleset", ".spectral.yaml", "--fail-severity=warn"]),
    bundleYaml: spec("redocly bundle (yaml)", "redocly", ["bundle", DOCUMENT_ROOT, "--output", "dist/openapi.yaml"]),
    bundleJson: spec("redocly bundle (json)", "redocly", ["bundle", DOCUMENT_ROOT, "--output", "dist/openapi.json", "--ext", "json"]),
    /** Same output as generated/atlas.ts; an empty Redocly config stops the CLI from reading redocly.yaml's `apis`. */
    openapiTypescript: spec("openapi-typescript", "openapi-typescript", [
      "dist/openapi.json",
      "--output",
      "dist/bench/atlas.ts",
      "--read-write-markers",
      "--alphabetize",
      "--default-non-nullable=false",
      "--redocly",
      EMPTY_REDOCLY_CONFIG,
    ]),
    tsc: (project: string) => spec(`tsc -p ${project}`, "tsc", ["-p", project]),
    buildDocs: (output: string) => spec("redocly build-docs", "redocly", ["build-docs", DOCUMENT_ROOT, "--inlineBundle", "--output", output]),
    /** The converter behind the 3.0 companion (which the build then finishes and writes as JSON and YAML). */
    downConvert: spec("openapi-down-convert", "openapi-down-convert", ["--input", "dist/openapi.json", "--output", "dist/bench/openapi-3.0.json"]),
    /** The converter behind the Postman collection, with the options scripts/postman/collection.ts passes. */
    postman: spec("openapi2postmanv2", "openapi2postmanv2", ["-s", "dist/openapi.json", "-o", "dist/bench/collection.json", "-p", "-O", "folderStrategy=Tags,requestNameSource=Fallback,parametersResolution=Example,enableOptionalParameters=false,includeAuthInfoInExample=false"]),
  };
}

/**
 * The bare CLIs `npm run build` replaces, one after another, on the same inputs: Redocly lint, a bundle
 * for Spectral and Spectral on it, the two bundle files, openapi-typescript, tsc, Redocly's docs, and the
 * converters behind the 3.0 companion and the Postman collection.
 */
export function bareBuildChain(dir: string): CommandSpec[] {
  const tools = bareTools(dir);
  return [tools.redoclyLint, tools.bundleForLint, tools.spectralLint("dist/lint/openapi.yaml"), tools.bundleYaml, tools.bundleJson, tools.openapiTypescript, tools.tsc("tsconfig.build.json"), tools.buildDocs("dist/bench/docs.html"), tools.downConvert, tools.postman];
}

export function npmRun(dir: string, script: string, env?: Record<string, string>): CommandSpec {
  return { label: `npm run ${script}`, command: "npm", args: ["run", script], cwd: dir, ...(env ? { env } : {}) };
}
