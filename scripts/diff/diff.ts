/**
 * `npm run diff -- <git-ref>`: lists breaking and non-breaking changes between the document at a
 * git ref and the working tree's, both bundled with the local Redocly.
 * `npm run diff:ci` (`--ci`): compares with HEAD~1 and fails on a breaking change unless
 * package.json's major version went up in the same change.
 * Run from the repository root (npm does that). Exit codes: 0 ok, 1 breaking change refused, 2 bad input.
 */
import { parseArgs } from "node:util";
import { classifyChanges, hasBreakingChanges } from "./compare.js";
import { formatReport } from "./report.js";
import { readVersionBump } from "./check-version-bump.js";
import {
  DOCUMENT_ROOT,
  DiffInputError,
  bundleCommit,
  bundleWorkingTree,
  hasDocumentAt,
  isFirstCommit,
  isShallowClone,
  resolveCommit,
} from "./source.js";

const USAGE = `Usage:
  npm run diff -- <git-ref> [--fail-on-breaking] [--json] [--verbose]
  npm run diff -- --ci [--base <git-ref>] [--json] [--verbose]

Compares ${DOCUMENT_ROOT} at <git-ref> with the working tree (both bundled by the local Redocly).
  --fail-on-breaking  exit 1 when there is a breaking change
  --ci                compare with --base (default HEAD~1); exit 1 on a breaking change unless
                      package.json's major version is higher than at the base
  --json              print the classification as JSON instead of text
  --verbose           also list documentation-only and component-level changes`;

const EXIT_OK = 0;
const EXIT_BREAKING = 1;
const EXIT_BAD_INPUT = 2;

interface Options {
  base: string;
  ci: boolean;
  failOnBreaking: boolean;
  json: boolean;
  verbose: boolean;
}

function parseOptions(argv: string[]): Options {
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
    process.exit(EXIT_OK);
  }
  if (positionals.length > 1) throw new DiffInputError(`expected one git ref, got ${positionals.length}: ${positionals.join(" ")}`);
  if (values.base !== undefined && positionals.length > 0) throw new DiffInputError("give the base ref either as an argument or as --base, not both");
  const base = values.base ?? positionals[0] ?? (values.ci ? "HEAD~1" : undefined);
  if (base === undefined) throw new DiffInputError("missing <git-ref> to compare with (for example: npm run diff -- HEAD~1)");
  return { base, ci: values.ci, failOnBreaking: values["fail-on-breaking"] || values.ci, json: values.json, verbose: values.verbose };
}

/** In CI the base is usually HEAD~1, which does not exist on the first commit or in a depth-1 clone. */
function resolveBase(repoDir: string, options: Options): string | undefined {
  try {
    return resolveCommit(repoDir, options.base);
  } catch (err) {
    if (!(err instanceof DiffInputError) || !/^HEAD~1?$|^HEAD\^$/.test(options.base)) throw err;
    if (isShallowClone(repoDir)) {
      throw new DiffInputError(`${options.base} is not available: this is a shallow clone; fetch at least two commits (e.g. fetch-depth: 2)`);
    }
    if (isFirstCommit(repoDir)) return undefined;
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const repoDir = process.cwd();
  const commit = resolveBase(repoDir, options);
  if (commit === undefined) {
    console.log(`HEAD is the first commit: there is no ${options.base} to compare with. Nothing to check.`);
    return EXIT_OK;
  }
  const baseLabel = `${options.base} (${commit.slice(0, 12)})`;
  if (!hasDocumentAt(repoDir, commit)) {
    console.log(`${baseLabel} has no ${DOCUMENT_ROOT} yet: every operation is new, nothing can break. Nothing to compare.`);
    return EXIT_OK;
  }
  const before = await bundleCommit(repoDir, commit);
  const after = await bundleWorkingTree(repoDir);
  const classification = classifyChanges(before, after);
  const breaking = hasBreakingChanges(classification);

  if (options.json) console.log(JSON.stringify({ base: baseLabel, head: "working tree", ...classification }, null, 2));
  else console.log(formatReport(classification, { base: baseLabel, head: "working tree" }, options.verbose));

  if (!breaking || !options.failOnBreaking) return EXIT_OK;
  if (options.ci) {
    const bump = readVersionBump(repoDir, commit);
    const versions = `package.json version ${bump.base ?? "(none)"} -> ${bump.head}`;
    if (bump.majorBumped) {
      console.error(`\nBreaking changes accepted: ${versions} raises the major version. Record them in CHANGELOG.md.`);
      return EXIT_OK;
    }
    console.error(`\nBreaking changes without a major version bump (${versions}). Either make the change backwards compatible or raise the major version (npm version major) and record it in CHANGELOG.md.`);
    return EXIT_BREAKING;
  }
  console.error(`\n${classification.changes.breaking.length} breaking change(s) (--fail-on-breaking).`);
  return EXIT_BREAKING;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof DiffInputError || (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"))) {
    console.error(`diff: ${err.message}\n\n${USAGE}`);
    process.exitCode = EXIT_BAD_INPUT;
  } else {
    throw err;
  }
}
