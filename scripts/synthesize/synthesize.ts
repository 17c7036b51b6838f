// A larger multi-file document for the benchmarks, replicating ours (copy 0 is the original): copy k of every path file
// and resource schema gets new file names (Group.yaml -> Group_r3.yaml), its path's first segment and operationIds k in
// letters (/api/atlas/v2/groupsd/..., createProjectd), so the copies keep to the IPA rules (no digits in segments, no longer
// ids); what Atlas shares (parameters, errors, security) stays shared. `tsx scripts/synthesize/synthesize.ts --operations 600 --out <dir>`
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { HTTP_METHODS } from "../../src/openapi/document.js";

/** Directories (relative to the document root) whose files are replicated, minus what shared files reference. */
const REPLICATED_DIRS = ["paths", "components/schemas"];
/** Stand-ins written once per file, then replaced per copy (stringifying 40 files once instead of 40,000 times). */
const FILE_SUFFIX = "ZZFILESUFFIXZZ";
const OPERATION_SUFFIX = "ZZOPERATIONSUFFIXZZ";
const API_PREFIX = "/api/atlas/v2";

export type SynthesisResult = { operations: number; copies: number; files: number };

const isRelativeFileRef = (value: string): boolean => !value.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(value);

/** A copy's number in lowercase letters (1 -> "b", 26 -> "ba"): it adds no word to a camelCase name. */
const letters = (copy: number): string => [...copy.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join("");

/** paths/Group.yaml -> paths/Group<suffix>.yaml (every file of the document is YAML). */
const withSuffix = (file: string, suffix: string): string => file.replace(/\.ya?ml$/, `${suffix}$&`);

/** A parsed file with each relative $ref (and discriminator mapping value) mapped by `onRef`, and OPERATION_SUFFIX on operationIds. */
function rewrite(node: unknown, onRef: (ref: string) => string, key?: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, onRef));
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [childKey, value] of Object.entries(node)) {
    if ((childKey === "$ref" || key === "mapping") && typeof value === "string" && isRelativeFileRef(value)) out[childKey] = onRef(value);
    else if (childKey === "operationId" && typeof value === "string") out[childKey] = value + OPERATION_SUFFIX;
    else out[childKey] = rewrite(value, onRef, childKey);
  }
  return out;
}

/** A reference from a file in `fileDir` to a replicated file gets FILE_SUFFIX on the file's name. */
function rewriteRef(ref: string, fileDir: string, replicated: ReadonlySet<string>): string {
  const file = ref.split("#")[0]!;
  return replicated.has(resolve(fileDir, file)) ? withSuffix(file, FILE_SUFFIX) + ref.slice(file.length) : ref;
}

/** Files reachable by relative $refs from `starts` (themselves included). */
function referencedFrom(starts: string[]): Set<string> {
  const seen = new Set<string>();
  for (let file = starts.pop(); file !== undefined; file = starts.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const dir = dirname(file);
    rewrite(parse(readFileSync(file, "utf8")), (ref) => {
      starts.push(resolve(dir, ref.split("#")[0]!));
      return ref;
    });
  }
  return seen;
}

/** Writes a document with `operations` operations into outDir (replacing it), made from the document at sourceDir. */
export function synthesizeDocument(sourceDir: string, outDir: string, operations: number): SynthesisResult {
  const rootFile = resolve(sourceDir, "openapi.yaml");
  const root = parse(readFileSync(rootFile, "utf8")) as { paths: Record<string, { $ref?: string }> };
  let perCopy = 0;
  for (const [path, item] of Object.entries(root.paths)) {
    if (typeof item.$ref !== "string") throw new Error(`${rootFile}: path ${path} is inline; the synthesiser expects every path item in its own file`);
    if (!path.startsWith(API_PREFIX)) throw new Error(`${rootFile}: path ${path} does not start with ${API_PREFIX}`);
    const pathItem = parse(readFileSync(resolve(sourceDir, item.$ref), "utf8")) as object;
    perCopy += HTTP_METHODS.filter((method) => Object.hasOwn(pathItem, method)).length;
  }
  if (!Number.isInteger(operations) || operations < perCopy || operations % perCopy !== 0) {
    throw new Error(`--operations must be a positive multiple of ${perCopy} (the operations in ${rootFile}), got ${operations}`);
  }
  const copies = operations / perCopy;

  rmSync(outDir, { recursive: true, force: true });
  // The document's YAML files (each folder's README.md is documentation, not part of it).
  const allFiles = readdirSync(sourceDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => resolve(entry.parentPath, entry.name));
  const replicatedDirs = REPLICATED_DIRS.map((dir) => resolve(sourceDir, dir) + sep);
  const inReplicatedDir = (file: string): boolean => replicatedDirs.some((dir) => file.startsWith(dir));
  const shared = referencedFrom(allFiles.filter((file) => file !== rootFile && !inReplicatedDir(file)));
  const replicated = new Set(allFiles.filter((file) => inReplicatedDir(file) && !shared.has(file)));
  let files = 1;
  for (const file of allFiles) {
    const target = join(outDir, relative(sourceDir, file));
    mkdirSync(dirname(target), { recursive: true });
    if (file === rootFile) continue;
    const text = readFileSync(file, "utf8");
    writeFileSync(target, text);
    files++;
    if (!replicated.has(file)) continue;
    const template = stringify(rewrite(parse(text), (ref) => rewriteRef(ref, dirname(file), replicated)), { lineWidth: 0 });
    for (let copy = 1; copy < copies; copy++) {
      const copyText = template.replaceAll(FILE_SUFFIX, `_r${copy}`).replaceAll(OPERATION_SUFFIX, letters(copy));
      writeFileSync(withSuffix(target, `_r${copy}`), copyText);
      files++;
    }
  }

  const paths: Record<string, unknown> = { ...root.paths };
  for (let copy = 1; copy < copies; copy++) {
    for (const [path, item] of Object.entries(root.paths)) {
      const [first, ...rest] = path.slice(API_PREFIX.length + 1).split("/");
      paths[[`${API_PREFIX}/${first}${letters(copy)}`, ...rest].join("/")] = { $ref: withSuffix(item.$ref!, `_r${copy}`) };
    }
  }
  writeFileSync(join(outDir, "openapi.yaml"), stringify({ ...root, paths }, { lineWidth: 0 }));
  return { operations, copies, files };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({
      options: {
        operations: { type: "string" },
        out: { type: "string" },
        source: { type: "string", default: fileURLToPath(new URL("../../openapi", import.meta.url)) },
      },
    });
    if (values.operations === undefined || values.out === undefined) {
      throw new Error("usage: tsx scripts/synthesize/synthesize.ts --operations <n> --out <dir> [--source <openapi dir>]");
    }
    if (!/^\d+$/.test(values.operations)) throw new Error(`--operations must be a whole number, got ${JSON.stringify(values.operations)}`);
    const result = synthesizeDocument(resolve(values.source), resolve(values.out), Number(values.operations));
    console.log(`${values.out}: ${result.operations} operations (${result.copies} copies), ${result.files} files`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
