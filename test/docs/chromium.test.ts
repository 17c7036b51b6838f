import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canUseApt } from "../setup/chromium.js";
import { defaultSearch, findChromium, missingBrowserMessage, playwrightCacheBrowsers, requireChromium, SYSTEM_BROWSERS, type BrowserSearch } from "./chromium.js";

const root = mkdtempSync(join(tmpdir(), "chromium-finder-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An executable file at root/<relative>; returns its path. */
function executable(relative: string, mode = 0o755): string {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, mode);
  return path;
}

let cacheCount = 0;
/** A Playwright cache folder of its own per test, holding the given entries; returns playwright-core's own expected executable in it. */
function playwrightCache(entries: string[], ownRevision = "chromium-1255"): string {
  const cache = `cache-${++cacheCount}`;
  for (const entry of entries) executable(join(cache, entry));
  return join(root, cache, ownRevision, "chrome-linux64/chrome");
}

function search(overrides: Partial<BrowserSearch>): BrowserSearch {
  return { env: {}, systemPaths: [], playwrightExecutable: playwrightCache([]), ...overrides };
}

describe("findChromium", () => {
  const system = executable("usr/bin/chromium");
  const chrome = executable("opt/google/chrome/chrome");
  const configured = executable("custom/chrome");

  it("takes CHROMIUM_PATH first", () => {
    const cached = playwrightCache(["chromium-1255/chrome-linux64/chrome"]);
    expect(findChromium(search({ env: { CHROMIUM_PATH: configured }, systemPaths: [system], playwrightExecutable: cached }))).toBe(configured);
  });

  it("then the system paths, in their order, skipping missing and non-executable files", () => {
    const notExecutable = executable("usr/bin/chromium-browser", 0o644);
    const paths = [join(root, "missing/chromium"), notExecutable, chrome, system];
    expect(findChromium(search({ systemPaths: paths, playwrightExecutable: playwrightCache(["chromium-1255/chrome-linux64/chrome"]) }))).toBe(chrome);
  });

  it("then playwright-core's own revision in Playwright's cache", () => {
    const own = playwrightCache(["chromium-1300/chrome-linux64/chrome", "chromium-1255/chrome-linux64/chrome"]);
    expect(findChromium(search({ systemPaths: [join(root, "missing/chromium")], playwrightExecutable: own }))).toBe(own);
  });

  it("then any other cached Chromium, newest revision first, in the older layouts too", () => {
    const own = playwrightCache(["chromium-1099/chrome-linux/chrome", "chromium-1200/chrome-linux/chrome", "chromium_headless_shell-1150/chrome-linux/headless_shell"]);
    const found = findChromium(search({ playwrightExecutable: own }));
    expect(found).toBe(join(dirname(dirname(dirname(own))), "chromium-1200/chrome-linux/chrome"));
  });

  it("returns nothing when every place is empty", () => {
    expect(findChromium(search({ systemPaths: [join(root, "missing/chromium")] }))).toBeUndefined();
  });

  it("refuses a CHROMIUM_PATH that is not an executable file instead of looking elsewhere", () => {
    expect(() => findChromium(search({ env: { CHROMIUM_PATH: "/nonexistent/chrome" }, systemPaths: [system] }))).toThrowError(
      /^CHROMIUM_PATH=\/nonexistent\/chrome is not an executable file: [^\n]*$/,
    );
  });
});

describe("the search places", () => {
  it("are the usual system paths, Debian's first, unless CHROMIUM_SEARCH_PATHS replaces them", () => {
    expect(defaultSearch({}).systemPaths).toEqual(SYSTEM_BROWSERS);
    expect(SYSTEM_BROWSERS[0]).toBe("/usr/bin/chromium");
    expect(defaultSearch({ CHROMIUM_SEARCH_PATHS: "/a/chrome:/b/chromium" }).systemPaths).toEqual(["/a/chrome", "/b/chromium"]);
    expect(defaultSearch({ CHROMIUM_SEARCH_PATHS: "" }).systemPaths).toEqual([]);
  });

  it("include Playwright's cache of playwright-core's own revision", () => {
    const own = defaultSearch({}).playwrightExecutable;
    expect(own).toMatch(/\/chromium-\d+\//);
    expect(playwrightCacheBrowsers(own)[0]).toBe(own);
  });
});

describe("without a browser", () => {
  const empty = search({ systemPaths: ["/nowhere/chromium", "/nowhere/chrome"], playwrightExecutable: "/cache/ms-playwright/chromium-1255/chrome-linux64/chrome" });

  it("says in one line what was searched and to run apt-get where Debian's package can be had", () => {
    expect(missingBrowserMessage(empty, "linux", true)).toBe(
      "No Chromium or Chrome found (CHROMIUM_PATH unset; looked at /nowhere/chromium, /nowhere/chrome and in Playwright's cache /cache/ms-playwright): " +
        "run `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary",
    );
  });

  it("says to install Playwright's Chromium where there is no apt-get", () => {
    expect(missingBrowserMessage(empty, "darwin", false)).toMatch(/^No Chromium or Chrome found \([^\n]*\): run `npx playwright-core install chromium`, or set CHROMIUM_PATH[^\n]*$/);
  });

  it("requireChromium throws that line", () => {
    expect(() => requireChromium(empty)).toThrowError(/^No Chromium or Chrome found [^\n]*run `[^`]+`/);
  });

  it("installs with apt-get only on Linux, as root, with apt-get present", () => {
    expect(canUseApt("linux", 0, true)).toBe(true);
    expect(canUseApt("linux", 1000, true)).toBe(false);
    expect(canUseApt("linux", 0, false)).toBe(false);
    expect(canUseApt("darwin", 0, true)).toBe(false);
  });
});
