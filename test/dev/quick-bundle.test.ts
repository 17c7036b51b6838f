/**
 * dev's quick bundle (scripts/serve/quick-bundle.ts): for an edit to one path file, the last bundle with
 * that path bundled again must equal bundling everything; any other edit falls back to the full bundle.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseYaml } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, type Workspace } from "../../bench/lib/workspace.js";
import { withDescriptionMarker } from "../../bench/lib/dev-session.js";
import { bundleOpenApi, FileLimitedResolver, loadRedoclyConfig, newRedoclyContext, type OpenApiDocument } from "../../scripts/bundle/bundler.js";
import { quickBundle } from "../../scripts/serve/quick-bundle.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("quickBundle", () => {
  let workspace: Workspace;
  let entry: string;
  let config: Awaited<ReturnType<typeof loadRedoclyConfig>>;
  let last: OpenApiDocument;
  const fullBundle = async () => (await bundleOpenApi(newRedoclyContext(entry, config), workspace.dir)).document;
  const quick = (changed: string[]) => quickBundle(entry, parseYaml(readFileSync(entry, "utf8")), last, new Set(changed), config, new FileLimitedResolver(config.resolve));

  /** Edits `file` for the duration of `check`. */
  async function edited(file: string, edit: (text: string) => string, check: () => Promise<void>): Promise<void> {
    const original = readFileSync(file, "utf8");
    writeFileSync(file, edit(original));
    try {
      await check();
    } finally {
      writeFileSync(file, original);
    }
  }

  beforeAll(async () => {
    workspace = createWorkspace(ROOT);
    entry = join(workspace.dir, "openapi", "openapi.yaml");
    config = await loadRedoclyConfig(workspace.dir, entry);
    last = await fullBundle();
  }, 60_000);
  afterAll(() => workspace?.dispose());

  it("equals the full bundle after an edit to each path file", async () => {
    const dir = join(workspace.dir, "openapi", "paths");
    const files = readdirSync(dir).filter((name) => name.endsWith(".yaml")).map((name) => join(dir, name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      await edited(file, (text) => withDescriptionMarker(text, "Quickbundlemarker"), async () => {
        const result = await quick([file]);
        expect(result, file).toBeDefined();
        expect(JSON.stringify(result)).toContain("Quickbundlemarker");
        expect(result).toEqual(await fullBundle());
      });
    }
  });

  it("leaves an edit to a schema, to the root or to a file it cannot parse to the full bundle", async () => {
    const schema = join(workspace.dir, "openapi", "components", "schemas", "ApiError.yaml");
    await edited(schema, (text) => withDescriptionMarker(text, "Schemaedit"), async () => expect(await quick([schema])).toBeUndefined());
    expect(await quick([entry])).toBeUndefined();
    const path = join(workspace.dir, "openapi", "paths", readdirSync(join(workspace.dir, "openapi", "paths")).filter((name) => name.endsWith(".yaml"))[0]!);
    await edited(path, (text) => `${text}\n  broken: [unclosed\n`, async () => expect(await quick([path])).toBeUndefined());
  });
});
