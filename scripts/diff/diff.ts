// `npm run diff -- <git-ref>`: the breaking and non-breaking changes between the document at a git ref and
// the working tree's. `npm run diff:ci` (`--ci`): compares with HEAD~1 and fails on a breaking change unless
// package.json's major version went up in the same change. Exit codes: 0 ok, 1 breaking change refused, 2 bad input.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { classifyChanges, hasBreakingChanges, type Change, type ChangeKind, type Classification } from "./compare.js";
import { DOCUMENT_ROOT, DiffInputError, bundleCommit, bundleTree, existsAtCommit } from "./source.js";
import { isFirstCommit, isShallowClone, readFileAtCommit, resolveCommit } from "./source.js";

const USAGE = `Usage:
  npm run diff -- <git-ref> [--fail-on-breaking] [--json] [--verbose]
  npm run diff -- --ci [--base <git-ref>] [--json] [--verbose]

Compares ${DOCUMENT_ROOT} at <git-ref> with the working tree (both bundled by the local Redocly).
  --fail-on-breaking  exit 1 when there is a breaking change
  --ci                compare with --base (default HEAD~1); exit 1 on a breaking change unless
                      package.json's major version is higher than at the base
  --json              print the classification as JSON instead of text
  --verbose           also list documentation-only and component-level changes`;

/** The report's sections; documentation-only changes (the last) are listed only with --verbose. */
const HEADINGS: ReadonlyArray<[ChangeKind, string]> = [
  ["breaking", "Breaking changes"],
  ["non-breaking", "Non-breaking changes"],
  ["deprecated", "Deprecations"],
  ["unclassified", "Unclassified changes (review by hand)"],
  ["annotation", "Documentation-only changes (descriptions, summaries, examples)"],
];

function parseOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ci: { type: "boolean", default: false },
      base: { type: "string" },
      "fail-on-breaking": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length > 1) throw new DiffInputError(`expected one git ref, got ${positionals.length}: ${positionals.join(" ")}`);
  if (values.base !== undefined && positionals.length > 0) throw new DiffInputError("give the base ref either as an argument or as --base, not both");
  const base = values.base ?? positionals[0] ?? (values.ci ? "HEAD~1" : undefined);
  if (base === undefined) throw new DiffInputError("missing <git-ref> to compare with (for example: npm run diff -- HEAD~1)");
  return { base, ci: values.ci, failOnBreaking: values["fail-on-breaking"] || values.ci, json: values.json, verbose: values.verbose };
}

/** In CI the base is usually HEAD~1, which does not exist on the first commit (undefined) or in a depth-1 clone. */
function resolveBase(repoDir: string, base: string): string | undefined {
  try {
    return resolveCommit(repoDir, base);
  } catch (err) {
    if (!(err instanceof DiffInputError) || !/^HEAD~1?$|^HEAD\^$/.test(base)) throw err;
    if (isShallowClone(repoDir)) {
      throw new DiffInputError(`${base} is not available: this is a shallow clone; fetch at least two commits (e.g. fetch-depth: 2)`);
    }
    if (isFirstCommit(repoDir)) return undefined;
    throw err;
  }
}

/** The text `npm run diff` prints: documentation-only and component-level changes are counted, listed only when verbose. */
function formatReport({ changes, components, classifierErrors }: Classification, base: string, verbose: boolean): string {
  const list = (items: readonly Change[]) => items.map((change) => `  - ${change.description}\n      at ${change.pointer}`);
  const lines = [`Comparing ${base} -> working tree`, ""];
  if (Object.values(changes).every((items) => items.length === 0) && components.length === 0) {
    return [...lines, "No changes to the document."].join("\n");
  }
  for (const [kind, heading] of HEADINGS) lines.push(`${heading}: ${changes[kind].length}`, ...(verbose || kind !== "annotation" ? list(changes[kind]) : []));
  lines.push(`Component-level changes (already judged above under the operations that use them): ${components.length}`);
  if (verbose) lines.push(...list(components));
  else if (changes.annotation.length > 0 || components.length > 0) lines.push("(--verbose lists them)");
  if (classifierErrors.length > 0) {
    lines.push("", `api-smart-diff hit ${classifierErrors.length} classification rule error(s); the changes at these nodes may be misjudged, check them by hand:`);
    lines.push(...classifierErrors.map((error) => `  ${error}`));
  }
  return lines.join("\n");
}

/** package.json's "version" in `text` (read from `where`) and its major. */
function packageVersion(text: string, where: string): { version: string; major: number } {
  let version: unknown;
  try {
    version = (JSON.parse(text) as { version?: unknown } | null)?.version;
  } catch (err) {
    throw new DiffInputError(`${where} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof version !== "string") throw new DiffInputError(`${where} has no "version" string`);
  const match = /^(\d+)\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) throw new DiffInputError(`${where}: "version" is ${JSON.stringify(version)}, not a semver version like 1.2.3`);
  return { version, major: Number(match[1]) };
}

/**
 * The semver gate (CHANGELOG.md, "Versioning policy"): breaking changes need a higher major version than the
 * base's. Pre-1.0 versions get no exemption: 0.1.0 -> 0.2.0 is not a major bump, 0.1.0 -> 1.0.0 is.
 */
function versionGate(repoDir: string, commit: string): number {
  const headFile = join(repoDir, "package.json");
  const head = packageVersion(readFileSync(headFile, "utf8"), headFile);
  const baseText = readFileAtCommit(repoDir, commit, "package.json");
  const base = baseText === undefined ? undefined : packageVersion(baseText, `${commit.slice(0, 12)}:package.json`);
  const versions = `package.json version ${base?.version ?? "(none)"} -> ${head.version}`;
  // No package.json before: nothing was published that this change could break.
  if (base === undefined || head.major > base.major) {
    console.error(`\nBreaking changes accepted: ${versions} raises the major version. Record them in CHANGELOG.md.`);
    return 0;
  }
  console.error(`\nBreaking changes without a major version bump (${versions}). Either make the change backwards compatible or raise the major version (npm version major) and record it in CHANGELOG.md.`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const repoDir = process.cwd();
  const commit = resolveBase(repoDir, options.base);
  if (commit === undefined) {
    console.log(`HEAD is the first commit: there is no ${options.base} to compare with. Nothing to check.`);
    return 0;
  }
  const base = `${options.base} (${commit.slice(0, 12)})`;
  if (!existsAtCommit(repoDir, commit, DOCUMENT_ROOT)) {
    console.log(`${base} has no ${DOCUMENT_ROOT} yet: every operation is new, nothing can break. Nothing to compare.`);
    return 0;
  }
  const before = await bundleCommit(repoDir, commit);
  const classification = classifyChanges(before, await bundleTree(repoDir, `working tree ${DOCUMENT_ROOT}`));
  if (options.json) console.log(JSON.stringify({ base, head: "working tree", ...classification }, null, 2));
  else console.log(formatReport(classification, base, options.verbose));

  if (!hasBreakingChanges(classification) || !options.failOnBreaking) return 0;
  if (options.ci) return versionGate(repoDir, commit);
  console.error(`\n${classification.changes.breaking.length} breaking change(s) (--fail-on-breaking).`);
  return 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof DiffInputError || (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")))) throw err;
  console.error(`diff: ${err.message}\n\n${USAGE}`);
  process.exitCode = 2;
}
