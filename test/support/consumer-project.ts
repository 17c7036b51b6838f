/**
 * A throwaway downstream project with this package installed the way a consumer gets it: `npm pack` the
 * build, unpack it into the project's node_modules (its dependencies linked from ours: no registry).
 * Used by test/package (the package's exports) and test/contract/code-samples (the TypeScript samples).
 * Needs a prior `npm run build`.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const packageJson = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { name: string; version: string; dependencies?: Record<string, string> };

export interface ConsumerProject {
  dir: string;
  /** Writes a file (path relative to the project). */
  write(path: string, text: string): void;
  /** Runs the repository's TypeScript compiler in the project with `tsc -p <tsconfig>`. */
  tsc(tsconfig: string): SpawnSyncReturns<string>;
  remove(): void;
}

export function createConsumerProject(prefix = "atlas-consumer-"): ConsumerProject {
  if (!existsSync(join(repoRoot, "generated", "lib", "src", "index.js"))) {
    throw new Error("the consumer project installs the build output; run `npm run build` first. Missing: generated/lib/src/index.js");
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const filename = (JSON.parse(packed) as Array<{ filename: string }>)[0]?.filename;
  if (!filename) throw new Error(`npm pack printed no tarball name: ${packed}`);
  const installed = join(dir, "node_modules", packageJson.name);
  mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, filename), "-C", installed, "--strip-components=1"]);
  for (const dependency of Object.keys(packageJson.dependencies ?? {})) {
    symlinkSync(join(repoRoot, "node_modules", dependency), join(dir, "node_modules", dependency), "dir");
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  return {
    dir,
    write(path, text) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    tsc(tsconfig) {
      const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
      return spawnSync(process.execPath, [tsc, "-p", tsconfig], { cwd: dir, encoding: "utf8" });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
