/**
 * `npm run generate`: generated/atlas.ts, generated/media-types.ts and generated/response-validators.ts from dist/openapi.json
 * (see scripts/lib/generate-types.ts; `npm run build` does the same from the bundle in memory).
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BUNDLE_JSON } from "./lib/bundle-paths.js";
import { generateTypeSources, writeGenerated } from "./lib/generate-types.js";

async function main(): Promise<void> {
  const doc = JSON.parse(await readFile(BUNDLE_JSON, "utf8"));
  const sources = await generateTypeSources(doc);
  await writeGenerated(fileURLToPath(new URL("../generated/", import.meta.url)), sources);
  console.log(`generated/atlas.ts, media-types.ts and response-validators.ts: ${sources.operations} operations`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
