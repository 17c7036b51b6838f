/**
 * The package's own name and version, for the User-Agent header. Read at runtime from package.json
 * by walking up from this module, because the module runs from src/ (tests), dist/lib/src/ (the
 * build) and node_modules/<name>/dist/lib/src/ (installed) at different depths.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_NAME = "atlas-admin-openapi";

export interface PackageInfo {
  name: string;
  version: string;
}

function readPackageJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function findPackageInfo(): PackageInfo {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = readPackageJson(join(dir, "package.json"));
    if (pkg && typeof pkg === "object" && "name" in pkg && pkg.name === PACKAGE_NAME && "version" in pkg && typeof pkg.version === "string") {
      return { name: PACKAGE_NAME, version: pkg.version };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE_NAME}: cannot find its package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  cached ??= findPackageInfo();
  return cached;
}
