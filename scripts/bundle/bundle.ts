// `npm run bundle`: generated/openapi.yaml and generated/openapi.json, the single-file documents downstream
// repos consume, as `npm run build` writes them (the one bundling of bundler.ts, finished by finishBundle).
import { PATHS } from "../common/project-paths.js";
import { bundleProject, bundleToJson, bundleToYaml, writeText } from "./bundler.js";
import { finishBundle } from "./finish-bundle.js";

try {
  const done = finishBundle(await bundleProject(PATHS));
  await Promise.all([writeText(PATHS.bundleYaml, bundleToYaml(done)), writeText(PATHS.bundleJson, bundleToJson(done))]);
  console.log("bundle: wrote generated/openapi.yaml and generated/openapi.json");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
