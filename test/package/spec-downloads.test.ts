/**
 * The spec files from the docs: the page (dist/docs/index.html, needs `npm run build`) links to every
 * spec file the package exports, and the docs server of `npm start` and `npm run dev`
 * (scripts/serve/static-server.ts) answers those links with the files the package ships.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultOutput as docsPage } from "../../scripts/docs/build-docs.js";
import { createStaticServer, STATIC_HOST } from "../../scripts/serve/static-server.js";
import { repoRoot } from "../support/consumer-project.js";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { exports: Record<string, unknown> };
const specExports = Object.entries(pkg.exports).filter((entry): entry is [string, string] => /\.(json|yaml)$/.test(entry[0]) && entry[0] !== "./package.json");
const server = createStaticServer(dirname(docsPage));
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, STATIC_HOST, resolve));
  base = `http://${STATIC_HOST}:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe.each(specExports)("%s", (name, target) => {
  const file = name.slice(2);

  it("is a download link of the docs page", () => {
    expect(readFileSync(docsPage, "utf8")).toContain(`href="${file}"`);
  });

  it("is served beside the page, as the package ships it", async () => {
    const response = await fetch(`${base}/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(file.endsWith(".json") ? /^application\/json/ : /^application\/yaml/);
    expect(await response.text()).toBe(readFileSync(join(repoRoot, target), "utf8"));
  });
});
