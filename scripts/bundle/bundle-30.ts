// `npm run bundle:30`: the OpenAPI 3.0.3 companion, generated/openapi-3.0.{json,yaml}, as `npm run build` writes
// it: from the finished bundle in memory (generated/openapi.json has the CLI's key order, not the source's).
import { PATHS } from "../common/project-paths.js";
import { bundleProject, writeText } from "./bundler.js";
import { finishBundle } from "./finish-bundle.js";
import { openApi30Files } from "./openapi-30.js";

try {
  const files = openApi30Files(finishBundle(await bundleProject(PATHS)));
  await Promise.all([writeText(PATHS.bundle30Json, files.json), writeText(PATHS.bundle30Yaml, files.yaml)]);
  console.log("bundle:30: wrote generated/openapi-3.0.json and generated/openapi-3.0.yaml");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
