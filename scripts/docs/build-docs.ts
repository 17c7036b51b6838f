// `npm run docs`: dist/docs/index.html as `redocly build-docs --inlineBundle --template build-docs.template.hbs`
// writes it, made offline (Redoc's two CDN logos inlined; the build fails on any other remote load). The CLI has
// no JavaScript API for it: its handler (`handlerBuildCommand`), called in this process, stays warm for dev.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadConfig, type Config } from "@redocly/openapi-core";
import { bundleProject } from "../bundle/bundler.js";
import { finishBundle } from "../bundle/finish-bundle.js";
import { BUNDLE_YAML, projectPaths } from "../common/project-paths.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultOutput = resolve(ROOT, "dist/docs/index.html");
const TEMPLATE = resolve(ROOT, "scripts/docs/build-docs.template.hbs");
/** Where a bundled document in memory waits to be rendered, and the page's scratch file (build scratch space). */
const DOCUMENT_INPUT = resolve(ROOT, "dist/.build/docs-input.json");
const SCRATCH_OUTPUT = resolve(ROOT, "dist/.build/docs-output.html");

const svgDataUri = (width: number, text: string): string =>
  `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">`)}` +
  encodeURIComponent(`<text x="0" y="13" font-family="system-ui,sans-serif" font-size="14" font-weight="600" fill="#5c6670">${text}</text></svg>`);
/** Inline stand-ins for the remote Redocly logos, keyed by the URL Redoc would load. */
const REMOTE_LOGOS: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": svgDataUri(62, "Redocly"),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": svgDataUri(12, "R"),
};

/** Replaces each remote logo URL; fails if Redoc no longer contains one, so a new CLI version gets looked at. */
export function inlineRemoteLogos(html: string): string {
  let out = html;
  for (const [url, dataUri] of Object.entries(REMOTE_LOGOS)) {
    if (!out.includes(url)) throw new Error(`build-docs: expected Redoc to reference ${url}; check what the new version loads`);
    out = out.replaceAll(url, dataUri);
  }
  return out;
}

/** What a browser would fetch: src/href/... at http(s), CSS url() and @import, module imports, Redoc's CDN (the browser test checks the real requests). */
const LOADED_REMOTE: RegExp[] = [
  /<(?:script|img|link|iframe|source|video|audio|embed|object|track|image|use)\b[^>]*\s(?:src|href|srcset|poster|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]+/gi,
  /url\(\s*["']?\s*(?:https?:)?\/\/[^"')\s]+/gi,
  /@import\s+(?:url\()?\s*["']?\s*(?:https?:)?\/\/[^"')\s;]+/gi,
  /\bimport\s*(?:[\w{}*\s,]+\s*from\s*)?["'](?:https?:)?\/\/[^"']+/g,
  /https?:\/\/cdn\.redoc\.ly\/[^\s"'`)]*/g,
];

/** Lists what in `html` would make the page load something from another host. */
export function findRemoteLoads(html: string): string[] {
  return [...new Set(LOADED_REMOTE.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[0])))];
}

type BuildDocsHandler = (args: { argv: Record<string, unknown>; config: Config }) => Promise<void>;
let handler: Promise<BuildDocsHandler | undefined> | undefined;

async function findHandler(root: string): Promise<BuildDocsHandler | undefined> {
  const chunks = join(dirname(createRequire(join(root, "package.json")).resolve("@redocly/cli/package.json")), "lib", "chunks");
  for (const name of existsSync(chunks) ? readdirSync(chunks).filter((file) => file.endsWith(".js")) : []) {
    if (!/export\{\s*\w+ as handlerBuildCommand\s*\}/.test(readFileSync(join(chunks, name), "utf8"))) continue;
    const module = (await import(pathToFileURL(join(chunks, name)).href)) as { handlerBuildCommand?: unknown };
    if (typeof module.handlerBuildCommand === "function") return module.handlerBuildCommand as BuildDocsHandler;
  }
  return undefined;
}

/** `redocly build-docs source --inlineBundle --template t --output output`, with `root`'s redocly.yaml as it is now. */
export async function renderRedoc(root: string, source: string, output: string, template = TEMPLATE): Promise<void> {
  process.env.REDOCLY_TELEMETRY = "off";
  handler ??= findHandler(root);
  const build = await handler;
  if (!build) throw new Error("build-docs: @redocly/cli no longer has its build-docs handler (handlerBuildCommand): see scripts/docs/build-docs.ts");
  // Read on every render: the page follows an edit of redocly.yaml (its `openapi:` options are the page's).
  const config = await loadConfig({ configPath: resolve(root, "redocly.yaml") });
  // The CLI's logger writes its banners to stderr: kept for the error message, not printed.
  const write = process.stderr.write;
  let log = "";
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
    return true;
  }) as typeof process.stderr.write;
  try {
    await build({ argv: { api: resolve(source), o: resolve(output), template: resolve(template), inlineBundle: true }, config });
  } catch (error) {
    throw new Error(`redocly build-docs ${source}: ${error instanceof Error ? error.message : String(error)}\n${log}`);
  } finally {
    process.stderr.write = write;
  }
}

/** Renders `source` (a file) into `output`, then makes the page offline (see the top of this file). */
export async function buildDocs(source = BUNDLE_YAML, output = defaultOutput, root = ROOT): Promise<void> {
  if (!existsSync(source)) throw new Error(`build-docs: ${source} is missing: run npm run bundle first`);
  await mkdir(dirname(output), { recursive: true });
  await renderRedoc(root, source, output);
  const html = inlineRemoteLogos(await readFile(output, "utf8"));
  const remote = findRemoteLoads(html);
  if (remote.length > 0) throw new Error(`build-docs: ${output} would load from other hosts:\n  ${remote.join("\n  ")}`);
  await writeFile(output, html);
}

/** A bundled document's page, in a scratch file: commitDocs puts it in place (a failed build changes nothing). */
export async function renderDocsToScratch(document: unknown): Promise<string> {
  await mkdir(dirname(DOCUMENT_INPUT), { recursive: true });
  await writeFile(DOCUMENT_INPUT, JSON.stringify(document));
  await buildDocs(DOCUMENT_INPUT, SCRATCH_OUTPUT);
  return SCRATCH_OUTPUT;
}

/** Puts a rendered page in place (a rename: atomic for whoever serves it). */
export async function commitDocs(scratch: string, output = defaultOutput): Promise<void> {
  await mkdir(dirname(output), { recursive: true });
  await rename(scratch, output);
}

/** `npm run docs [source [output]]`: the page of the finished bundle of openapi/ (as `npm run build` makes it), or of a given file. */
async function main([source, output]: string[]): Promise<string> {
  if (source) await buildDocs(resolve(source), output ? resolve(output) : defaultOutput);
  else await commitDocs(await renderDocsToScratch(finishBundle(await bundleProject(projectPaths(ROOT)))));
  return output ?? "dist/docs/index.html";
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (output) => {
      console.log(`docs: wrote ${output}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
