/**
 * `npm run bundle`: generated/openapi.yaml and generated/openapi.json, the single-file documents downstream
 * repos consume: the one bundling of scripts/bundle/bundler.ts, finished by finishBundle, the same files
 * `npm run build` writes.
 */
import { fileURLToPath } from "node:url";
import { bundleProject, bundleToJson, bundleToYaml, writeText } from "./bundler.js";
import { finishBundle } from "./finish-bundle.js";
import { projectPaths } from "../common/project-paths.js";

async function main(): Promise<void> {
  const paths = projectPaths(fileURLToPath(new URL("../..", import.meta.url)));
  const done = finishBundle(await bundleProject(paths));
  await Promise.all([writeText(paths.bundleYaml, bundleToYaml(done)), writeText(paths.bundleJson, bundleToJson(done))]);
  console.log("bundle: wrote generated/openapi.yaml and generated/openapi.json");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
