import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findRemoteLoads, inlineRemoteLogos, renderRedoc } from "../../scripts/docs/build-docs.js";

describe("build-docs offline checks", () => {
  it("reports every kind of remote resource a browser would load", () => {
    const html = [
      '<script src="https://cdn.example.com/redoc.js"></script>',
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
      "<img alt=logo src=//cdn.example.com/logo.png>",
      "<style>@import url(https://fonts.googleapis.com/css2); .a { background: url('https://cdn.example.com/bg.svg') }</style>",
      '<script type="module">import { hydrate } from "https://cdn.redocly.com/redoc/v3/bundles/redoc.standalone.js";</script>',
    ].join("\n");
    const found = findRemoteLoads(html);
    for (const url of [
      "https://cdn.example.com/redoc.js",
      "https://fonts.googleapis.com/css?family=Roboto",
      "//cdn.example.com/logo.png",
      "https://fonts.googleapis.com/css2",
      "https://cdn.example.com/bg.svg",
      "https://cdn.redocly.com/redoc/v3/bundles/redoc.standalone.js",
    ]) {
      expect(found.some((finding) => finding.endsWith(url)), `${url} in ${found.join(" | ")}`).toBe(true);
    }
  });

  it("leaves links the reader may follow alone", () => {
    const html = '<a href="https://www.mongodb.com/docs/atlas/">Atlas</a><p>see https://cloud.mongodb.com/api/oauth/token</p>';
    expect(findRemoteLoads(html)).toEqual([]);
  });

  it("replaces Redoc's remote logos with inline images", () => {
    const html = "src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`";
    const out = inlineRemoteLogos(html);
    expect(out).not.toContain("cdn.redoc.ly");
    expect(out.match(/`data:image\/svg\+xml,[^`]+`/g)).toHaveLength(2);
    expect(findRemoteLoads(out)).toEqual([]);
  });

  it("fails when Redoc no longer loads the logo it expects, so a new version gets looked at", () => {
    expect(() => inlineRemoteLogos("<html></html>")).toThrowError(/expected Redoc to reference https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg/);
  });
});

describe("build-docs in one process", () => {
  // A project of its own (redocly.yaml, one small document), the repository's node_modules linked.
  const dir = mkdtempSync(join(tmpdir(), "atlas-docs-config-"));
  const ROOT = fileURLToPath(new URL("../../", import.meta.url));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders with redocly.yaml as it is at each render, not as it was at the first", async () => {
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "package.json"), "{}\n");
    const source = join(dir, "openapi.json");
    writeFileSync(source, JSON.stringify({ openapi: "3.1.0", info: { title: "Config test", version: "1" }, paths: {} }));
    const config = (label: string) => `openapi:\n  codeSamples:\n    languages:\n      - lang: curl\n        label: ${label}\n`;
    const page = join(dir, "index.html");

    writeFileSync(join(dir, "redocly.yaml"), config("Firstconfiglabel"));
    await renderRedoc(dir, source, page);
    expect(readFileSync(page, "utf8").includes("Firstconfiglabel"), "first render shows the first label").toBe(true);

    writeFileSync(join(dir, "redocly.yaml"), config("Secondconfiglabel"));
    await renderRedoc(dir, source, page);
    const html = readFileSync(page, "utf8");
    // (includes, not toContain: a failure would print the whole page)
    expect(html.includes("Secondconfiglabel"), "second render shows the edited label").toBe(true);
    expect(html.includes("Firstconfiglabel"), "second render shows the old label").toBe(false);
  }, 120_000);
});
