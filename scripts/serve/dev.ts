/**
 * `npm run dev`: the authors' loop in one long-lived process (docs/dev-loop.md). A change to the
 * document makes the page first (files kept parsed between cycles; only the edited paths bundled when
 * that is all that changed; render; the open page reloads), then lint, the other outputs and the mock.
 */
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { dirname, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { YamlParseError, type Document, type Source } from "@redocly/openapi-core";
import { Builder, LIB_STEP, OUTPUT_STEPS, projectPaths, seconds, type Bundled } from "../build/build-pipeline.js";
import { bundleOpenApi, bundleToYaml, FileLimitedResolver, loadRedoclyConfig, writeText, yamlProblem, type OpenApiDocument } from "../bundle/bundler.js";
import { finishBundle } from "../bundle/finish-bundle.js";
import { onStopSignal } from "../common/on-stop-signal.js";
import { failsBuild, formatProblem, ProblemsError, type Problem } from "../common/problems.js";
import { commitDocs, renderDocsToScratch } from "../docs/build-docs.js";
import { portFromEnv } from "./port-from-env.js";
import { quickBundle } from "./quick-bundle.js";
import { watchFiles } from "./watch-files.js";
import { mockSettingsFromEnv, startMock } from "./atlas/mock-server.js";
import { DEFAULT_MOCK_PORT, type MockServer } from "./prism-server.js";
import { createStaticServer, listen, STATIC_HOST } from "./static-server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const paths = projectPaths(root);
const EVENTS_PATH = "/__dev/events";
/** Editors write a file in several steps; changes this close together make one cycle. */
const SETTLE_MS = 40;
/** How long the rest of a cycle waits for an open page to fetch the new one. */
const PAGE_WAIT_MS = 2000;
const RELOAD_SCRIPT = `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener("reload", () => location.reload());</script>`;
const withReloadScript = (html: string, at = html.lastIndexOf("</body>")): string => (at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at));

type Change = "openapi" | "redocly-config" | "ruleset" | "src" | "template";
const log = (line: string): void => console.log(`[dev] ${line}`);
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function classify(file: string): Change | undefined {
  const under = (dir: string) => file.startsWith(resolve(root, dir) + sep);
  // Only the document's files: not an editor's swap or temporary files beside them.
  if (under("openapi")) return /\.(ya?ml|json)$/.test(file) ? "openapi" : undefined;
  if (under(".spectral") || file === paths.spectralRuleset) return "ruleset";
  if (under("src")) return "src";
  if (file === paths.docsTemplate) return "template";
  return file === paths.redoclyConfig ? "redocly-config" : undefined;
}

/** Redocly's resolver, keeping each file's parse until the watcher sees it change; bundling rewrites $refs, so each bundle gets a copy. */
class KeptParses extends FileLimitedResolver {
  readonly kept = new Map<string, Promise<Document>>();

  override resolveDocument<T>(base: string | null, ref: string, isRoot = false): Promise<Document<T>> {
    const file = this.resolveExternalRef(base, ref);
    let kept = this.kept.get(file);
    if (!kept) {
      kept = this.loadExternalRef(file).then((source: Source) => this.parseDocument(source, isRoot));
      this.kept.set(file, kept);
      kept.catch(() => this.kept.delete(file)); // read again next time
    }
    let copy = this.cache.get(file) as Promise<Document> | undefined;
    if (!copy) this.cache.set(file, (copy = kept.then((doc) => ({ source: doc.source, parsed: structuredClone(doc.parsed) }))));
    return copy as Promise<Document<T>>;
  }
}

class DevLoop {
  private readonly builder = new Builder(paths, log);
  private readonly resolver = new KeptParses();
  private lastBundled: Bundled | undefined;
  /** The last full bundle before finishBundle, and the openapi/ files changed since it was made. */
  private lastRaw: OpenApiDocument | undefined;
  private unbundled = new Set<string>();
  private pending = new Set<Change>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private cycle = 0;
  private mock: MockServer | undefined;
  private stopped = false;
  private readonly clients = new Set<ServerResponse>();
  /** Called by the server when it has sent the page. */
  pageServed = (): void => {};

  constructor(private readonly mockPort: number) {}

  changed(change: Change, file = ""): void {
    if (change === "openapi") {
      this.resolver.kept.delete(file);
      this.unbundled.add(file);
    }
    this.pending.add(change);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
  }

  /** Runs cycles until no change is pending; a change during a cycle gets the next one. */
  async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.pending.size > 0) {
      const changes = this.pending;
      this.pending = new Set();
      await this.run(changes);
    }
    this.running = false;
  }

  subscribe(response: ServerResponse): void {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" }).write("retry: 500\n\n");
    this.clients.add(response);
    response.on("close", () => this.clients.delete(response));
  }

  send(event: string, data: unknown): void {
    for (const client of this.clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const client of this.clients) client.end();
    await this.mock?.stop();
  }

  private report(id: number, problems: Problem[]): void {
    for (const problem of problems) console.log(formatProblem(problem, root));
    const failing = problems.filter(failsBuild).length;
    log(failing === 0 ? "lint: no problems" : `lint: ${failing} problem${failing === 1 ? "" : "s"}`);
    this.send("problems", { cycle: id, problems: problems.map((problem) => formatProblem(problem, root)) });
  }

  private async run(changes: Set<Change>): Promise<void> {
    const started = performance.now();
    const id = ++this.cycle;
    log(`cycle ${id}: ${[...changes].join(", ")}`);
    try {
      if (changes.has("redocly-config")) this.builder.reloadRedoclyConfig();
      if (changes.has("ruleset")) this.builder.reloadRuleset();
      if (changes.has("openapi") || changes.has("redocly-config")) await this.document(id, changes.has("src") || id === 1, changes.has("redocly-config"));
      else {
        if (changes.has("template") && this.lastBundled) await this.page(id, this.lastBundled.document);
        if (changes.has("ruleset") && this.lastBundled) this.report(id, await this.builder.spectral(this.lastBundled));
        if (changes.has("src")) await this.builder.timed(LIB_STEP, () => this.builder.compileLib());
      }
      log(`cycle ${id}: done in ${seconds(performance.now() - started)}`);
    } catch (error) {
      console.log(message(error));
      this.send("problems", { cycle: id, problems: error instanceof ProblemsError ? error.problems.map((problem) => formatProblem(problem, root)) : [] });
      log(`cycle ${id}: failed; the last good docs and mock stay up`);
    }
  }

  private async page(id: number, document: OpenApiDocument): Promise<void> {
    await this.builder.timed("docs", async () => commitDocs(await renderDocsToScratch(document), paths.docsPage));
    this.send("reload", { cycle: id });
    // The open pages ask for the new one at once: serve it before the work that follows takes the thread.
    if (this.clients.size === 0) return;
    await new Promise((served) => {
      this.pageServed = () => served(undefined);
      setTimeout(served, PAGE_WAIT_MS);
    });
  }

  /** The page first (what the author looks at), then lint and the other outputs unless a newer edit is waiting. */
  private async document(id: number, compile: boolean, configChanged: boolean): Promise<void> {
    const context = { entry: paths.entry, config: await loadRedoclyConfig(root, paths.entry), resolver: this.resolver };
    const files = this.unbundled;
    this.unbundled = new Set();
    // Path files only: the page of those paths in the last bundle first (scripts/serve/quick-bundle.ts).
    const kept = configChanged || !this.lastRaw ? undefined : this.resolver.kept.get(paths.entry);
    this.resolver.cache.clear();
    const quick = kept && (await this.builder.timed("quick bundle", async () => quickBundle(paths.entry, (await kept).parsed, this.lastRaw!, files, context.config, this.resolver)));
    if (quick) await this.page(id, finishBundle(quick));
    this.resolver.cache.clear();
    const bundle = bundleOpenApi(context, root).catch((error: unknown) => {
      for (const file of files) this.unbundled.add(file);
      throw error instanceof YamlParseError ? new ProblemsError("openapi/ cannot be bundled", [yamlProblem(error)], root) : error;
    });
    const raw = await this.builder.timed("bundle", async () => (await bundle).document);
    this.lastRaw = raw;
    const document = finishBundle(raw);
    if (!quick) await this.page(id, document);
    else if (!isDeepStrictEqual(quick, raw)) {
      log(`cycle ${id}: the quick page differed from the full bundle; rendered again`);
      await this.page(id, document);
    }
    // A newer edit waiting does the lint and outputs for itself (and generated/lib, if this cycle owed it).
    const superseded = (): boolean => {
      if (compile && this.pending.size > 0) this.pending.add("src");
      return this.pending.size > 0;
    };
    const bundled: Bundled = { document, yaml: bundleToYaml(document), files: this.resolver.getFiles() };
    this.lastBundled = bundled;
    await writeText(paths.lintBundle, bundled.yaml);
    if (superseded()) return log(`cycle ${id}: a newer edit takes over lint and outputs`);
    this.report(id, [...(await this.builder.redoclyLint()), ...(await this.builder.spectral(bundled))]);
    if (superseded()) return log(`cycle ${id}: a newer edit takes over the outputs`);
    const changed = await this.builder.outputs(document, OUTPUT_STEPS, bundled.yaml);
    if (changed.has("bundle") || !this.mock) await this.restartMock(id);
    if (compile || changed.has("generated")) await this.builder.timed(LIB_STEP, () => this.builder.compileLib());
  }

  private async restartMock(id: number): Promise<void> {
    await this.mock?.stop();
    if (this.stopped) return;
    this.mock = undefined;
    try {
      this.mock = await startMock({ document: paths.bundleYaml, port: this.mockPort, output: "pipe", ...mockSettingsFromEnv().options });
      log(`mock: ${this.mock.url}/ (cycle ${id}, ${id === 1 ? "started" : "new bundle"})`);
    } catch (error) {
      log(`mock: did not start: ${message(error)}`);
    }
  }
}

async function main(): Promise<void> {
  const docsPort = portFromEnv("DOCS_PORT", 8080);
  const mockPort = portFromEnv("MOCK_PORT", DEFAULT_MOCK_PORT);
  const loop = new DevLoop(mockPort);
  const server = createStaticServer(dirname(paths.docsPage), (request, response, pathname, file) => {
    if (pathname === EVENTS_PATH) return (loop.subscribe(response), true);
    if (file !== paths.docsPage || request.method !== "GET") return false;
    response.once("finish", () => loop.pageServed());
    readFile(file, "utf8").then(
      (html) => response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" }).end(withReloadScript(html)),
      () => response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("no docs page yet: see the terminal running npm run dev\n"),
    );
    return true;
  });
  await listen(server, docsPort, "DOCS_PORT");
  const watched = ["openapi", ".spectral", "src", ".spectral.yaml", "redocly.yaml"].map((path) => resolve(root, path)).concat(paths.docsTemplate);
  const watcher = await watchFiles(watched, SETTLE_MS, (path) => {
    const change = classify(resolve(root, path));
    if (change) loop.changed(change, resolve(root, path));
  }, (error) => log(`watching: ${message(error)}`));

  onStopSignal((signal) => {
    log(`${signal}: stopping`);
    server.closeAllConnections();
    void Promise.all([watcher.close(), new Promise((closed) => server.close(closed)), loop.stop()]).then(() => process.exit(0));
  });

  log(`docs: http://${STATIC_HOST}:${docsPort}/ (reloads itself), mock: http://${STATIC_HOST}:${mockPort}/; watching ${watched.length} paths; Ctrl-C stops`);
  loop.changed("openapi");
  loop.changed("src");
  await loop.drain();
  log("ready");
}

main().catch((error: unknown) => {
  console.error(message(error));
  process.exit(1);
});
