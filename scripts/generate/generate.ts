// `npm run generate`: generated/ from generated/openapi.json (scripts/generate/generate-types.ts; the build does the same in memory).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BUNDLE_JSON } from "../common/project-paths.js";
import { generateTypeSources, writeGenerated } from "./generate-types.js";

async function main(): Promise<void> {
  const doc = JSON.parse(await readFile(BUNDLE_JSON, "utf8"));
  const sources = await generateTypeSources(doc);
  const written = await writeGenerated(fileURLToPath(new URL("../../generated/", import.meta.url)), sources);
  console.log(`generated/: ${sources.operations} operations${written.length ? `, wrote ${written.join(", ")}` : ", unchanged"}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
