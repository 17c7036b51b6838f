/**
 * `npm run bundle:30`: writes the OpenAPI 3.0.3 companion, generated/openapi-3.0.json and generated/openapi-3.0.yaml,
 * from the bundled generated/openapi.json (run `npm run bundle` first; `npm run build` writes both from the
 * bundle in memory). The conversion itself is scripts/bundle/openapi-30.ts.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON } from "../common/project-paths.js";
import { openApi30Files } from "./openapi-30.js";

if (!existsSync(BUNDLE_JSON)) throw new Error(`${BUNDLE_JSON} is missing: run npm run bundle first`);
const files = openApi30Files(JSON.parse(readFileSync(BUNDLE_JSON, "utf8")));
writeFileSync(BUNDLE_30_JSON, files.json);
writeFileSync(BUNDLE_30_YAML, files.yaml);
console.log("bundle:30: wrote generated/openapi-3.0.json and generated/openapi-3.0.yaml");
