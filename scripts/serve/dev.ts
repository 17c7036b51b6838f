/**
 * `npm run dev`: the authors' loop in one long-lived process.
 *  - Watches openapi/, .spectral/ and .spectral.yaml, redocly.yaml, src/ and the docs template, and on a
 *    change redoes only what it needs (scripts/build/build-pipeline.ts, caches kept warm):
 *      openapi/, redocly.yaml  bundle -> docs page -> lint (Redocly, Spectral) -> bundle files, types,
 *                              and dist/lib when the types changed; the mock restarts on a new bundle;
 *      .spectral*              Spectral again on the last bundle;
 *      src/                    dist/lib;
 *      the docs template       the docs page.
 *  - Serves the docs on http://127.0.0.1:8080 (DOCS_PORT) with a script that reloads the open page
 *    when a new one is built (server-sent events on /__dev/events: `reload` after each new page,
 *    `problems` with the findings of each cycle).
 *  - Runs the Prism mock of dist/openapi.yaml on http://127.0.0.1:4010 (MOCK_PORT), restarted when the
 *    bundle changes.
 *  - Prints lint findings as `file:line rule message`. A YAML syntax error or a $ref that leads nowhere
 *    is reported the same way and changes nothing: the last good page and mock stay up.
 * The npm script is `exec node scripts/run.mjs serve/dev` (`exec`: see scripts/serve/start.ts; run.mjs: no loader, see there).
 */
import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { dirname, relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Builder, LIB_STEP, OUTPUT_STEPS, projectPaths, seconds, type Bundled } from "../build/build-pipeline.js";
import type { OpenApiDocument } from "../bundle/bundler.js";
import { onStopSignal } from "../common/on-stop-signal.js";
import { portFromEnv } from "./port-from-env.js";
import { DEFAULT_MOCK_PORT, startPrism, type MockServer } from "./prism-server.js";
import { failsBuild, formatProblem, ProblemsError, type Problem } from "../common/problems.js";
import { createStaticServer, listen, STATIC_HOST } from "./static-server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const paths = projectPaths(root);
const EVENTS_PATH = "/__dev/events";
/** Editors write a file in several steps; changes this close together make one cycle. */
const SETTLE_MS = 40;

type Change = "openapi" | "redocly-config" | "ruleset" | "src" | "template";

const log = (line: string): void => console.log(`[dev] ${line}`);

/** What a changed path (absolute) means for the build, or undefined when it is none of ours. */
function classify(file: string): Change | undefined {
  const under = (dir: string) => file.startsWith(resolve(root, dir) + sep);
  if (under("openapi")) return "openapi";
  if (under(".spectral") || file === paths.spectralRuleset) return "ruleset";
  if (under("src")) return "src";
  if (file === paths.docsTemplate) return "template";
  if (file === paths.redoclyConfig) return "redocly-config";
  return undefined;
}

/** Server-sent events to every open docs page. */
class ReloadEvents {
  private readonly clients = new Set<ServerResponse>();

  add(response: ServerResponse): void {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    response.write("retry: 500\n\n");
    this.clients.add(response);
    response.on("close", () => this.clients.delete(response));
  }

  send(event: string, data: unknown): void {
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) client.write(message);
  }

  close(): void {
    for (const client of this.clients) client.end();
  }
}

/** The page as served in dev: Redoc's page plus the script that reloads it when told to. */
const RELOAD_SCRIPT = `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener("reload", () => location.reload());</script>`;

function withReloadScript(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

/** The Prism mock, restarted one at a time on the newest bundle; failures are reported, not fatal. */
class Mock {
  private server: MockServer | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly port: number) {}

  restart(cycle: number, reason: string): void {
    this.queue = this.queue.then(async () => {
      if (this.stopped) return;
      await this.server?.stop();
      this.server = undefined;
      try {
        this.server = await startPrism({ document: paths.bundleYaml, port: this.port, output: "pipe", logLevel: "warn" });
        log(`mock: ${this.server.url}/ (cycle ${cycle}, ${reason})`);
      } catch (error) {
        log(`mock: did not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
    await this.server?.stop();
  }
}

class DevLoop {
  private readonly builder = new Builder(paths, log);
  private lastBundled: Bundled | undefined;
  private lastDocument: OpenApiDocument | undefined;
  private pending = new Set<Change>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private cycle = 0;

  constructor(
    private readonly events: ReloadEvents,
    private readonly mock: Mock,
  ) {}

  /** The first build: everything. */
  async initial(): Promise<void> {
    this.pending = new Set<Change>(["openapi", "src"]);
    await this.drain();
  }

  changed(change: Change): void {
    this.pending.add(change);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.drain(), SETTLE_MS);
  }

  /** Runs cycles until no change is pending; a change during a cycle gets the next one. */
  private async drain(): Promise<void> {
    if (this.running) return;
    while (this.pending.size > 0) {
      const changes = this.pending;
      this.pending = new Set();
      this.running = this.run(changes);
      await this.running;
      this.running = undefined;
    }
  }

  private report(problems: Problem[]): void {
    for (const problem of problems) console.log(formatProblem(problem, root));
    const failing = problems.filter(failsBuild).length;
    log(failing === 0 ? "lint: no problems" : `lint: ${failing} problem${failing === 1 ? "" : "s"}`);
  }

  private async run(changes: Set<Change>): Promise<void> {
    const started = performance.now();
    const id = ++this.cycle;
    log(`cycle ${id}: ${[...changes].join(", ")}`);
    try {
      if (changes.has("redocly-config")) this.builder.reloadRedoclyConfig();
      if (changes.has("ruleset")) this.builder.reloadRuleset();
      if (changes.has("openapi") || changes.has("redocly-config")) await this.document(id, changes.has("src"));
      else {
        if (changes.has("ruleset") && this.lastBundled) this.report(await this.builder.spectral(this.lastBundled));
        if (changes.has("template") && this.lastDocument) await this.page(id, this.lastDocument);
        if (changes.has("src")) await this.builder.timed(LIB_STEP, () => this.builder.compileLib());
      }
      log(`cycle ${id}: done in ${seconds(performance.now() - started)}`);
    } catch (error) {
      const problems = error instanceof ProblemsError ? error.problems : [];
      console.log(error instanceof Error ? error.message : String(error));
      this.events.send("problems", { cycle: id, problems: problems.map((problem) => formatProblem(problem, root)) });
      log(`cycle ${id}: failed; the last good docs and mock stay up`);
    }
  }

  private async page(id: number, document: OpenApiDocument): Promise<void> {
    await this.builder.docs(document);
    this.events.send("reload", { cycle: id });
  }

  /** The document changed: page first (what the author looks at), then lint, then the other outputs. */
  private async document(id: number, srcChanged: boolean): Promise<void> {
    const bundled = await this.builder.bundleOnly();
    const { document } = bundled;
    this.lastBundled = bundled;
    this.lastDocument = document;
    // Rendering alone, not beside the lint: both are CPU work on this one thread.
    await this.page(id, document);
    const problems = [...(await this.builder.redoclyLint()), ...(await this.builder.spectral(bundled))];
    this.report(problems);
    this.events.send("problems", { cycle: id, problems: problems.map((problem) => formatProblem(problem, root)) });
    const changed = await this.builder.outputs(document, OUTPUT_STEPS.filter((step) => step.name !== LIB_STEP));
    if (changed.has("bundle") || !this.mockStarted) {
      this.mockStarted = true;
      this.mock.restart(id, changed.has("bundle") ? "new bundle" : "started");
    }
    if (srcChanged || changed.has("generated")) await this.builder.timed(LIB_STEP, () => this.builder.compileLib());
  }

  private mockStarted = false;
}

function watchTree(dir: string, recursive: boolean, onFile: (file: string) => void): FSWatcher | undefined {
  try {
    return watch(dir, { recursive }, (_event, name) => {
      if (name) onFile(resolve(dir, name.toString()));
    });
  } catch (error) {
    log(`cannot watch ${relative(root, dir) || dir}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const docsPort = portFromEnv("DOCS_PORT", 8080);
  const mockPort = portFromEnv("MOCK_PORT", DEFAULT_MOCK_PORT);
  const events = new ReloadEvents();
  const docsDir = dirname(paths.docsPage);
  const server = createStaticServer(docsDir, (request, response, pathname, file) => {
    if (pathname === EVENTS_PATH) {
      events.add(response);
      return true;
    }
    if (file !== paths.docsPage || request.method !== "GET") return false;
    readFile(file, "utf8").then(
      (html) => {
        const body = withReloadScript(html);
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-cache" }).end(body);
      },
      () => response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("no docs page yet: see the terminal running npm run dev\n"),
    );
    return true;
  });
  await listen(server, docsPort, "DOCS_PORT");
  const mock = new Mock(mockPort);
  const loop = new DevLoop(events, mock);

  const onFile = (file: string): void => {
    const change = classify(file);
    if (change) loop.changed(change);
  };
  const watchers = [
    watchTree(resolve(root, "openapi"), true, onFile),
    watchTree(resolve(root, ".spectral"), true, onFile),
    watchTree(resolve(root, "src"), true, onFile),
    // Single files are watched through their directory: editors replace files rather than write them.
    watchTree(root, false, onFile),
    watchTree(dirname(paths.docsTemplate), false, onFile),
  ];

  onStopSignal((signal) => {
    log(`${signal}: stopping`);
    for (const watcher of watchers) watcher?.close();
    events.close();
    server.closeAllConnections();
    void Promise.all([new Promise((r) => server.close(r)), mock.stop()]).then(() => process.exit(0));
  });

  log(`docs: http://${STATIC_HOST}:${docsPort}/ (reloads itself), mock: http://${STATIC_HOST}:${mockPort}/`);
  log("watching openapi/, .spectral/, .spectral.yaml, redocly.yaml, src/ and the docs template; Ctrl-C stops");
  await loop.initial();
  log("ready");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
