/**
 * The package's own name and version, for the User-Agent header. Read at runtime from package.json
 * by walking up from this module, because the module runs from src/ (tests), generated/lib/src/ (the
 * build) and node_modules/<name>/generated/lib/src/ (installed) at different depths.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_NAME = "atlas-admin-openapi";

export interface PackageInfo {
  name: string;
  version: string;
}

/** The version in the first package.json named PACKAGE_NAME above `dir`. */
function findVersion(dir: string): string {
  for (;;) {
    let pkg: { name?: unknown; version?: unknown } | undefined;
    try {
      pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    } catch {
      // no (readable) package.json here: look further up
    }
    if (pkg?.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: cannot find its package.json`);
    dir = parent;
  }
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  cached ??= { name: PACKAGE_NAME, version: findVersion(dirname(fileURLToPath(import.meta.url))) };
  return cached;
}
