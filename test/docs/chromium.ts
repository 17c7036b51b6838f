/**
 * Finds a Chromium or Chrome for the docs tests and launches it through playwright-core.
 * playwright-core downloads no browser, so the search looks, in this order, at CHROMIUM_PATH, the
 * usual system paths, then Playwright's own browser cache (`npx playwright-core install chromium`).
 * test/setup/chromium.ts installs Debian's chromium when nothing is found and apt-get can be used.
 * The background-networking flags stop Chromium's own update, sync and component traffic:
 * it would be refused on a closed network and would muddy the page's request log.
 */
import { accessSync, constants, existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The browser test/setup/chromium.ts found or installed for this run. */
    chromiumPath: string;
  }
}

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** The usual places of a system Chromium or Chrome, Debian's first. */
export const SYSTEM_BROWSERS: readonly string[] = [
  DEBIAN_CHROMIUM,
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/** Executables inside a Playwright cache entry (chromium-<rev>/, chromium_headless_shell-<rev>/), newer layouts first. */
const CACHE_EXECUTABLES = [
  "chrome-linux64/chrome",
  "chrome-linux-arm64/chrome",
  "chrome-linux/chrome",
  "chrome-headless-shell-linux64/chrome-headless-shell",
  "chrome-headless-shell-linux-arm64/chrome-headless-shell",
  "chrome-linux/headless_shell",
  "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
  "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
];

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserSearch {
  env: NodeJS.ProcessEnv;
  /** System paths to try, in order. CHROMIUM_SEARCH_PATHS (":"-separated, may be empty) replaces SYSTEM_BROWSERS. */
  systemPaths: readonly string[];
  /** The browser playwright-core would use (its own revision, honouring PLAYWRIGHT_BROWSERS_PATH); its cache folder is searched too. */
  playwrightExecutable: string;
}

export function defaultSearch(env: NodeJS.ProcessEnv = process.env): BrowserSearch {
  const override = env.CHROMIUM_SEARCH_PATHS;
  return {
    env,
    systemPaths: override === undefined ? SYSTEM_BROWSERS : override.split(":").filter(Boolean),
    playwrightExecutable: chromium.executablePath(),
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Browsers in Playwright's cache folder: playwright-core's own revision first, then any other, newest revision first. */
export function playwrightCacheBrowsers(playwrightExecutable: string): string[] {
  const entry = dirname(dirname(playwrightExecutable)); // <cache>/chromium-<rev>/chrome-linux64/chrome
  const cache = dirname(entry);
  const revision = (name: string) => Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
  const entries = existsSync(cache)
    ? readdirSync(cache).filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name)).sort((a, b) => revision(b) - revision(a))
    : [];
  return [playwrightExecutable, ...entries.flatMap((name) => CACHE_EXECUTABLES.map((executable) => join(cache, name, executable)))];
}

/** The browser to use, or undefined when there is none. A CHROMIUM_PATH that is not executable is an error, never skipped. */
export function findChromium(search: BrowserSearch = defaultSearch()): string | undefined {
  const configured = search.env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} is not an executable file: point it at a Chromium or Chrome binary, or unset it to search the usual places`);
  }
  return [...search.systemPaths, ...playwrightCacheBrowsers(search.playwrightExecutable)].find(isExecutable);
}

/** One line that says what was searched and exactly what to run. */
export function missingBrowserMessage(search: BrowserSearch, platform: NodeJS.Platform = process.platform, hasApt = existsSync("/usr/bin/apt-get")): string {
  const cache = dirname(dirname(dirname(search.playwrightExecutable)));
  const looked = `CHROMIUM_PATH unset; looked at ${search.systemPaths.join(", ") || "no system path"} and in Playwright's cache ${cache}`;
  const run = platform === "linux" && hasApt ? "sudo apt-get install -y chromium" : "npx playwright-core install chromium";
  return `No Chromium or Chrome found (${looked}): run \`${run}\`, or set CHROMIUM_PATH to a Chromium or Chrome binary`;
}

/** The browser, or an Error whose one-line message says exactly what to run. */
export function requireChromium(search: BrowserSearch = defaultSearch()): string {
  const found = findChromium(search);
  if (found) return found;
  throw new Error(missingBrowserMessage(search));
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless browser with a fresh profile that is deleted on close: the one the global setup provided, else the one found now. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<LaunchedBrowser> {
  const executablePath = inject("chromiumPath") ?? requireChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), "docs-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: FLAGS, viewport });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
