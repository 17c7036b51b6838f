/** Where the build reads and writes, for a project root (the checkout, or a temporary copy of it). */
import { resolve } from "node:path";

export interface ProjectPaths {
  root: string;
  entry: string;
  redoclyConfig: string;
  spectralRuleset: string;
  /** The bundle Spectral reads (its findings' lines point into it). */
  lintBundle: string;
  bundleYaml: string;
  bundleJson: string;
  /** The OpenAPI 3.0.3 companion (scripts/bundle/openapi-30.ts). */
  bundle30Yaml: string;
  bundle30Json: string;
  generatedDir: string;
  libTsconfig: string;
  /** What the incremental TypeScript build last checked and emitted (scratch, not shipped). */
  libBuildInfo: string;
  docsPage: string;
  docsTemplate: string;
}

export function projectPaths(root: string): ProjectPaths {
  const at = (path: string) => resolve(root, path);
  return {
    root,
    entry: at("openapi/openapi.yaml"),
    redoclyConfig: at("redocly.yaml"),
    spectralRuleset: at(".spectral.yaml"),
    lintBundle: at("dist/lint/openapi.yaml"),
    bundleYaml: at("generated/openapi.yaml"),
    bundleJson: at("generated/openapi.json"),
    bundle30Yaml: at("generated/openapi-3.0.yaml"),
    bundle30Json: at("generated/openapi-3.0.json"),
    generatedDir: at("generated"),
    libTsconfig: at("tsconfig.build.json"),
    libBuildInfo: at("dist/.build/lib.tsbuildinfo"),
    docsPage: at("dist/docs/index.html"),
    docsTemplate: at("scripts/docs/build-docs.template.hbs"),
  };
}

