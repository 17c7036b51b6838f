/** Where the build reads and writes, for a project root (the checkout, or a temporary copy of it). */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type ProjectPaths = ReturnType<typeof projectPaths>;

export function projectPaths(root: string) {
  const at = (path: string) => resolve(root, path);
  return {
    root,
    entry: at("openapi/openapi.yaml"),
    redoclyConfig: at("redocly.yaml"),
    spectralRuleset: at(".spectral.yaml"),
    /** The bundle Spectral reads (its findings' lines point into it). */
    lintBundle: at("dist/lint/openapi.yaml"),
    bundleYaml: at("generated/openapi.yaml"),
    bundleJson: at("generated/openapi.json"),
    bundle30Yaml: at("generated/openapi-3.0.yaml"),
    bundle30Json: at("generated/openapi-3.0.json"),
    generatedDir: at("generated"),
    libTsconfig: at("tsconfig.build.json"),
    /** What the incremental TypeScript build last checked and emitted (scratch, not shipped). */
    libBuildInfo: at("dist/.build/lib.tsbuildinfo"),
    docsPage: at("dist/docs/index.html"),
    docsTemplate: at("scripts/docs/build-docs.template.hbs"),
  };
}

export const PATHS = projectPaths(fileURLToPath(new URL("../..", import.meta.url)));
export const { bundleJson: BUNDLE_JSON, bundleYaml: BUNDLE_YAML, bundle30Json: BUNDLE_30_JSON, bundle30Yaml: BUNDLE_30_YAML } = PATHS;
