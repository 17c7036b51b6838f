/**
 * Global setup of the browser tests: finds a browser (test/docs/chromium.ts says where it looks) and,
 * when there is none and apt-get can be used (Linux, root, non-interactive), installs Debian's
 * `chromium` itself, saying so in one line. Otherwise the run fails with one line saying what to run.
 * No browser test is ever skipped for want of a browser.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { DEBIAN_CHROMIUM, defaultSearch, findChromium, missingBrowserMessage } from "../docs/chromium.js";

const APT_GET = "/usr/bin/apt-get";

export function canUseApt(platform = process.platform, uid = process.getuid?.(), hasAptGet = existsSync(APT_GET)): boolean {
  return platform === "linux" && uid === 0 && hasAptGet;
}

/** `apt-get update` then `apt-get install -y chromium`, quiet and non-interactive; the error names the failing command and its last words. */
function aptInstallChromium(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const result = spawnSync(APT_GET, args, { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    if (result.status !== 0) {
      const said = `${result.stderr}${result.stdout}`.trim().split("\n").slice(-3).join(" | ");
      throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status}): ${said}; install a browser yourself (apt-get install -y chromium) or set CHROMIUM_PATH`);
    }
  }
}

export default function setup(project: TestProject): void {
  const search = defaultSearch();
  let path = findChromium(search);
  if (!path) {
    if (!canUseApt()) throw new Error(missingBrowserMessage(search));
    console.log(`No Chromium or Chrome found: installing Debian's chromium with apt-get (apt-get install -y chromium), once for this machine`);
    aptInstallChromium();
    if (!existsSync(DEBIAN_CHROMIUM)) throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is missing; set CHROMIUM_PATH to the browser`);
    path = DEBIAN_CHROMIUM;
  }
  project.provide("chromiumPath", path);
}
