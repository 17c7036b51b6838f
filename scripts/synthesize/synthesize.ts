/**
 * Synthesises a larger multi-file document for the scale benchmark by replicating ours: copy k of
 * every path file and every resource schema gets new names (Group.yaml -> Group_r3.yaml, so the
 * bundled schema is Group_r3), and its path's first resource and its operationId get the copy's number
 * in letters (copy 3: /api/atlas/v2/groupsd/..., createProjectd), so that the copies keep to MongoDB's IPA
 * rules as the original does (camelCase segments without digits, no longer operationIds). Copy 0 is the original. What a real API shares across operations stays shared,
 * as in Atlas: parameters, error responses, the schemas they use (ApiError, ...) and security schemes.
 *
 *   tsx scripts/synthesize/synthesize.ts --operations 600 --out /tmp/big/openapi
 *
 * The operation count must be a multiple of the source document's (6 today).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { HTTP_METHODS } from "../../src/openapi/document.js";

const METHODS = new Set<string>(HTTP_METHODS);
/** Directories (relative to the document root) whose files are replicated, minus what shared files reference. */
const REPLICATED_DIRS = ["paths", "components/schemas"];
/** Stand-ins written once per file, then replaced per copy (stringifying 40 files once instead of 40,000 times). */
const FILE_SUFFIX = "ZZFILESUFFIXZZ";
const OPERATION_SUFFIX = "ZZOPERATIONSUFFIXZZ";
const API_PREFIX = "/api/atlas/v2";

export interface SynthesisResult {
  operations: number;
  copies: number;
  files: number;
}

/** The document's YAML files (each folder's README.md is documentation, not part of it). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function isRelativeFileRef(value: string): boolean {
  return !value.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

/** A copy's number in lowercase letters (1 -> "b", 26 -> "ba"): it adds no word to a camelCase name. */
function letters(copy: number): string {
  return [...copy.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join("");
}

function withSuffix(fileName: string, suffix: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? fileName + suffix : fileName.slice(0, dot) + suffix + fileName.slice(dot);
}

/**
 * Rewrites one file's references for a copy: a relative $ref (or discriminator mapping value) whose
 * target is a replicated file gets FILE_SUFFIX on its file name; operationIds get OPERATION_SUFFIX.
 */
function rewriteForCopy(node: unknown, fileDir: string, replicated: ReadonlySet<string>, key?: string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteForCopy(item, fileDir, replicated));
  if (node && typeof node === "object") {
    const out: Record<string, unknown> = {};
    for (const [childKey, value] of Object.entries(node)) {
      if ((childKey === "$ref" || key === "mapping") && typeof value === "string" && isRelativeFileRef(value)) {
        out[childKey] = rewriteRef(value, fileDir, replicated);
      } else if (childKey === "operationId" && typeof value === "string") {
        out[childKey] = value + OPERATION_SUFFIX;
      } else {
        out[childKey] = rewriteForCopy(value, fileDir, replicated, childKey);
      }
    }
    return out;
  }
  return node;
}

function rewriteRef(ref: string, fileDir: string, replicated: ReadonlySet<string>): string {
  const [filePart, fragment] = ref.split("#", 2) as [string, string | undefined];
  if (!replicated.has(resolve(fileDir, filePart))) return ref;
  const renamed = join(dirname(filePart), withSuffix(basename(filePart), FILE_SUFFIX)).split(sep).join("/");
  const prefixed = filePart.startsWith("./") && !renamed.startsWith(".") ? `./${renamed}` : renamed;
  return fragment === undefined ? prefixed : `${prefixed}#${fragment}`;
}

/** Files reachable by relative $refs from `starts` (themselves included). */
function referencedFrom(starts: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    collectRefs(parse(readFileSync(file, "utf8")), (ref) => queue.push(resolve(dirname(file), ref.split("#")[0]!)));
  }
  return seen;
}

function collectRefs(node: unknown, found: (ref: string) => void, key?: string): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
  } else if (node && typeof node === "object") {
    for (const [childKey, value] of Object.entries(node)) {
      if ((childKey === "$ref" || key === "mapping") && typeof value === "string" && isRelativeFileRef(value)) found(value);
      else collectRefs(value, found, childKey);
    }
  }
}

function countOperations(root: Record<string, any>, sourceDir: string): number {
  let count = 0;
  for (const item of Object.values<Record<string, unknown>>(root.paths ?? {})) {
    const resolved = typeof item.$ref === "string" ? parse(readFileSync(resolve(sourceDir, item.$ref), "utf8")) : item;
    count += Object.keys(resolved).filter((key) => METHODS.has(key)).length;
  }
  return count;
}

/** Writes a document with `operations` operations into outDir (replacing it), made from the document at sourceDir. */
export function synthesizeDocument(sourceDir: string, outDir: string, operations: number): SynthesisResult {
  const rootFile = join(sourceDir, "openapi.yaml");
  const root = parse(readFileSync(rootFile, "utf8")) as Record<string, any>;
  const perCopy = countOperations(root, sourceDir);
  if (!Number.isInteger(operations) || operations < perCopy || operations % perCopy !== 0) {
    throw new Error(`--operations must be a positive multiple of ${perCopy} (the operations in ${rootFile}), got ${operations}`);
  }
  const copies = operations / perCopy;
  for (const [path, item] of Object.entries<Record<string, unknown>>(root.paths)) {
    if (typeof item.$ref !== "string") throw new Error(`${rootFile}: path ${path} is inline; the synthesiser expects every path item in its own file`);
    if (!path.startsWith(API_PREFIX)) throw new Error(`${rootFile}: path ${path} does not start with ${API_PREFIX}`);
  }

  rmSync(outDir, { recursive: true, force: true });
  const allFiles = listFiles(sourceDir);
  const replicatedDirs = REPLICATED_DIRS.map((dir) => resolve(sourceDir, dir) + sep);
  const inReplicatedDir = (file: string): boolean => replicatedDirs.some((dir) => file.startsWith(dir));
  const shared = referencedFrom(allFiles.map((file) => resolve(file)).filter((file) => file !== resolve(rootFile) && !inReplicatedDir(file)));
  const replicated = new Set(allFiles.map((file) => resolve(file)).filter((file) => inReplicatedDir(file) && !shared.has(file)));
  let files = 0;

  for (const file of allFiles) {
    const target = join(outDir, relative(sourceDir, file));
    mkdirSync(dirname(target), { recursive: true });
    const text = readFileSync(file, "utf8");
    if (resolve(file) === resolve(rootFile)) continue;
    writeFileSync(target, text);
    files++;
    if (!replicated.has(resolve(file))) continue;
    const template = stringify(rewriteForCopy(parse(text), dirname(resolve(file)), replicated), { lineWidth: 0 });
    for (let copy = 1; copy < copies; copy++) {
      const copyText = template.replaceAll(FILE_SUFFIX, `_r${copy}`).replaceAll(OPERATION_SUFFIX, letters(copy));
      writeFileSync(join(dirname(target), withSuffix(basename(target), `_r${copy}`)), copyText);
      files++;
    }
  }

  const paths: Record<string, unknown> = {};
  for (let copy = 0; copy < copies; copy++) {
    for (const [path, item] of Object.entries<{ $ref: string }>(root.paths)) {
      if (copy === 0) {
        paths[path] = item;
        continue;
      }
      const ref = item.$ref.split("/");
      ref[ref.length - 1] = withSuffix(ref[ref.length - 1]!, `_r${copy}`);
      const [first, ...rest] = path.slice(API_PREFIX.length + 1).split("/");
      paths[[`${API_PREFIX}/${first}${letters(copy)}`, ...rest].join("/")] = { $ref: ref.join("/") };
    }
  }
  writeFileSync(join(outDir, "openapi.yaml"), stringify({ ...root, paths }, { lineWidth: 0 }));
  return { operations, copies, files: files + 1 };
}

function main(): void {
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
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
