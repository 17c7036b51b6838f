/**
 * The semver gate CI applies to document changes: a breaking change is accepted only when the
 * package's major version went up in the same change (see CHANGELOG.md, "Versioning policy").
 * Pre-1.0 versions get no exemption: 0.1.0 -> 0.2.0 is not a major bump, 0.1.0 -> 1.0.0 is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DiffInputError, readFileAtCommit } from "./source.js";

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function majorOf(version: string, where: string): number {
  const match = SEMVER.exec(version);
  if (!match) throw new DiffInputError(`${where}: "version" is ${JSON.stringify(version)}, not a semver version like 1.2.3`);
  return Number(match[1]);
}

export interface VersionBump {
  /** Version in package.json at the base commit; undefined when that commit has no package.json. */
  base: string | undefined;
  head: string;
  majorBumped: boolean;
}

function versionIn(packageJson: string, where: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJson);
  } catch (err) {
    throw new DiffInputError(`${where} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof version !== "string") throw new DiffInputError(`${where} has no "version" string`);
  return version;
}

/** Compares package.json's version at the base commit with the working tree's. */
export function readVersionBump(repoDir: string, baseCommit: string): VersionBump {
  const headWhere = join(repoDir, "package.json");
  const head = versionIn(readFileSync(headWhere, "utf8"), headWhere);
  const baseText = readFileAtCommit(repoDir, baseCommit, "package.json");
  const baseWhere = `${baseCommit.slice(0, 12)}:package.json`;
  const base = baseText === undefined ? undefined : versionIn(baseText, baseWhere);
  // No package.json before: nothing was published that this change could break.
  const majorBumped = base === undefined || majorOf(head, headWhere) > majorOf(base, baseWhere);
  return { base, head, majorBumped };
}
