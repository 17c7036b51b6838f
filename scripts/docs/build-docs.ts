/**
 * Builds the static documentation page dist/docs/index.html from the OpenAPI document with
 * `redocly build-docs --inlineBundle`, so the page works offline:
 *  - --inlineBundle embeds the Redoc script instead of loading it from Redocly's CDN;
 *  - Redoc 3 uses system fonts (no Google Fonts), but its sidebar footer ("API docs by Redocly")
 *    loads the Redocly logo from https://cdn.redoc.ly at run time. There is no option to turn
 *    that off, so the two logo URLs are replaced by inline SVG data URIs after the build;
 *  - scripts/docs/build-docs.template.hbs is Redoc's page template with a smaller title (the default
 *    one breaks "Administration" mid-word at 1280 px) and an inline favicon;
 *  - the result is then scanned for anything the page would fetch from another host, and the
 *    build fails if something is left.
 * Links the reader may follow (externalDocs, contact, license) stay: they are never loaded.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProject } from "../bundle/bundler.js";
import { BUNDLE_YAML } from "../common/project-paths.js";
import { finishBundle } from "../bundle/finish-bundle.js";
import { projectPaths } from "../common/project-paths.js";
import { renderRedoc } from "./redoc-render.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** What buildDocs renders by default: the finished bundle `npm run bundle` / `npm run build` wrote (it has the code samples openapi/ lacks). */
export const defaultSource = BUNDLE_YAML;
export const defaultOutput = resolve(root, "dist/docs/index.html");
/** Redoc's default page template plus a style fix and an inline favicon. */
const template = resolve(root, "scripts/docs/build-docs.template.hbs");

/** Inline stand-ins for the remote Redocly logos, keyed by the URL Redoc would load. */
const remoteLogos: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": svgDataUri(62, "Redocly"),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": svgDataUri(12, "R"),
};

function svgDataUri(width: number, text: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
    `<text x="0" y="13" font-family="system-ui,sans-serif" font-size="14" font-weight="600" fill="#5c6670">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Replaces each remote logo URL; fails if Redoc no longer contains one, so a new CLI version gets looked at. */
export function inlineRemoteLogos(html: string): string {
  let out = html;
  for (const [url, dataUri] of Object.entries(remoteLogos)) {
    if (!out.includes(url)) throw new Error(`build-docs: expected Redoc to reference ${url}; check what the new version loads`);
    out = out.split(url).join(dataUri);
  }
  return out;
}

/**
 * Patterns for resources a browser would fetch: elements with src/href/srcset/poster/data pointing
 * at http(s), CSS url(http...) and @import, ES module imports from http(s), and Redoc's known
 * runtime CDNs (the logo host and its icon host; the latter is only used by features this page
 * does not render, and the browser test checks the real requests).
 */
const loadedRemote: RegExp[] = [
  /<(?:script|img|link|iframe|source|video|audio|embed|object|track|image|use)\b[^>]*\s(?:src|href|srcset|poster|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]+/gi,
  /url\(\s*["']?\s*(?:https?:)?\/\/[^"')\s]+/gi,
  /@import\s+(?:url\()?\s*["']?\s*(?:https?:)?\/\/[^"')\s;]+/gi,
  /\bimport\s*(?:[\w{}*\s,]+\s*from\s*)?["'](?:https?:)?\/\/[^"']+/g,
  /https?:\/\/cdn\.redoc\.ly\/[^\s"'`)]*/g,
];

/** Lists what in `html` would make the page load something from another host. */
export function findRemoteLoads(html: string): string[] {
  const found = new Set<string>();
  for (const pattern of loadedRemote) for (const match of html.matchAll(pattern)) found.add(match[0]);
  return [...found];
}

/** Renders `source` (a file) into `output`, then makes the page offline (see the top of this file). */
export async function buildDocs(source = defaultSource, output = defaultOutput): Promise<void> {
  if (!existsSync(source)) throw new Error(`build-docs: ${source} is missing: run npm run bundle first`);
  await mkdir(dirname(output), { recursive: true });
  await renderRedoc({ root, source, output, template });
  const html = inlineRemoteLogos(await readFile(output, "utf8"));
  const remote = findRemoteLoads(html);
  if (remote.length > 0) {
    throw new Error(`build-docs: ${output} would load from other hosts:\n  ${remote.join("\n  ")}`);
  }
  await writeFile(output, html);
}

/** Where a bundled document waits to be rendered (build scratch space, not shipped). */
const documentInput = resolve(root, "dist/.build/docs-input.json");

/**
 * Renders a bundled document in memory (the build's, after finishBundle) into a scratch file; the
 * page goes live with commitDocs, so a build whose lint fails changes nothing, and a server never
 * serves half a page.
 */
export async function renderDocsToScratch(document: unknown): Promise<string> {
  const { scratch } = await writeDocsInput(document);
  await buildDocs(documentInput, scratch);
  return scratch;
}

/** Writes the document where the render reads it; returns the scratch file the page goes to, and the input's size. */
async function writeDocsInput(document: unknown): Promise<{ scratch: string; bytes: number }> {
  await mkdir(dirname(documentInput), { recursive: true });
  const json = JSON.stringify(document);
  await writeFile(documentInput, json);
  return { scratch: resolve(dirname(documentInput), "docs-output.html"), bytes: json.length };
}

/** renderDocsToScratch for `npm run build` (Builder.renderDocsOnWorker), in this process. */
export class DocsRenderer {
  async renderToScratch(document: unknown): Promise<{ scratch: string; onWorker: boolean }> {
    const { scratch } = await writeDocsInput(document);
    await buildDocs(documentInput, scratch);
    return { scratch, onWorker: false };
  }

  async close(): Promise<void> {}
}

/** Puts a rendered page in place (a rename: atomic for whoever serves it). */
export async function commitDocs(scratch: string, output = defaultOutput): Promise<void> {
  await mkdir(dirname(output), { recursive: true });
  await rename(scratch, output);
}

/** The page for a bundled document in memory, rendered and put in place. */
export async function buildDocsFromDocument(document: unknown, output = defaultOutput): Promise<void> {
  await commitDocs(await renderDocsToScratch(document), output);
}

/** `npm run docs`: the page of the bundled, finished document (as `npm run build` makes it), or of a given file. */
async function main(args: string[]): Promise<string> {
  const [source, output] = args;
  if (source) {
    await buildDocs(resolve(source), output ? resolve(output) : defaultOutput);
    return output ?? "dist/docs/index.html";
  }
  await buildDocsFromDocument(finishBundle(await bundleProject(projectPaths(root))), defaultOutput);
  return "dist/docs/index.html";
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
