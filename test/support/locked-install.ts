/**
 * Test tools with an install of their own (a folder with package.json and package-lock.json), so that an
 * author's root `npm ci` leaves them out: the generator matrix's generators, newman. `npm ci` runs there
 * when a package it pins is missing or at another version.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { relative, join } from "node:path";
import { repoRoot } from "./consumer-project.js";

export function installedVersion(modules: string, name: string): string | undefined {
  const manifest = join(modules, name, "package.json");
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version : undefined;
}

/** Runs `npm ci` in `dir` unless every package its package.json pins is installed there at that version. */
export async function ensureInstalled(dir: string, what: string): Promise<void> {
  const { dependencies } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const stale = Object.entries(dependencies).filter(([name, version]) => installedVersion(join(dir, "node_modules"), name) !== version);
  if (stale.length === 0) return;
  const where = relative(repoRoot, dir);
  const state = stale.length === Object.keys(dependencies).length ? "not installed yet" : `missing or stale: ${stale.map(([name]) => name).join(", ")}`;
  console.log(`Installing ${what} in ${where} (npm ci; ${state})`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`npm ci in ${where} failed (exit ${code})`);
}
