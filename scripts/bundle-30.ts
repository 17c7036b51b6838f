/**
 * Writes the OpenAPI 3.0.3 companion, dist/openapi-3.0.json and dist/openapi-3.0.yaml, from the bundled
 * dist/openapi.json (run `npm run bundle` first). The conversion itself is scripts/lib/openapi-30.ts.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { stringify } from "yaml";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON } from "./lib/bundle-paths.js";
import { toOpenApi30 } from "./lib/openapi-30.js";

if (!existsSync(BUNDLE_JSON)) throw new Error(`${BUNDLE_JSON} is missing: run npm run bundle first`);
const doc30 = toOpenApi30(JSON.parse(readFileSync(BUNDLE_JSON, "utf8")));
writeFileSync(BUNDLE_30_JSON, `${JSON.stringify(doc30, null, 2)}\n`);
// aliasDuplicateObjects: false keeps the YAML free of anchors, as Redocly writes dist/openapi.yaml.
writeFileSync(BUNDLE_30_YAML, stringify(doc30, { aliasDuplicateObjects: false, lineWidth: 0 }));
console.log(`dist/openapi-3.0.json and dist/openapi-3.0.yaml written (OpenAPI ${String(doc30.openapi)})`);
