/**
 * Launches Debian's Chromium (or CHROMIUM_PATH) through playwright-core for the docs tests.
 * playwright-core downloads no browser, so a missing one is a one-line, actionable failure.
 * The background-networking flags stop Chromium's own update, sync and component traffic:
 * it would be refused on a closed network and would muddy the page's request log.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The browser binary to use, or an Error whose message says how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, fallback = DEFAULT_CHROMIUM): string {
  const configured = env.CHROMIUM_PATH;
  const path = configured || fallback;
  if (existsSync(path)) return path;
  throw new Error(
    configured
      ? `CHROMIUM_PATH=${configured} does not exist: point it at a Chromium or Chrome binary, or unset it and run \`apt-get install -y chromium\``
      : `No browser at ${fallback}: install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium or Chrome binary`,
  );
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless browser with a fresh profile that is deleted on close. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
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
