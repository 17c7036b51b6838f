import { describe, expect, it } from "vitest";
import { findRemoteLoads, inlineRemoteLogos } from "../../scripts/docs/build-docs.js";

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
