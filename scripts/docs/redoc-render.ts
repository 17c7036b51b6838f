/**
 * Renders a document to a Redoc page the way `redocly build-docs --inlineBundle --template <t>` does.
 *
 * @redocly/cli has no public JavaScript API for build-docs, but its command is a lazily loaded module
 * of its own package whose only export is the command's handler (`handlerBuildCommand`). Calling that
 * handler in this process gives the same bytes as the CLI and saves a Node start-up and loading the
 * CLI on every build (about 1 s here; it matters most to `npm run dev`). The module is found by that
 * export name, not by its generated file name; if a CLI version no longer has it, the CLI is run as a
 * subprocess instead, with the same arguments.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig, type Config } from "@redocly/openapi-core";

export interface RenderOptions {
  /** Project root: redocly.yaml and node_modules are read from here. */
  root: string;
  source: string;
  output: string;
  template: string;
}

type BuildDocsHandler = (args: { argv: Record<string, unknown>; config: Config }) => Promise<void>;

const HANDLER_EXPORT = /export\{\s*(\w+) as handlerBuildCommand\s*\}/;

let handlerPromise: Promise<BuildDocsHandler | undefined> | undefined;
let configPromise: Promise<Config> | undefined;

function cliDirectory(root: string): string {
  const require = createRequire(join(root, "package.json"));
  return dirname(require.resolve("@redocly/cli/package.json"));
}

async function findHandler(root: string): Promise<BuildDocsHandler | undefined> {
  const chunks = join(cliDirectory(root), "lib", "chunks");
  let names: string[];
  try {
    names = readdirSync(chunks).filter((name) => name.endsWith(".js"));
  } catch {
    return undefined;
  }
  for (const name of names) {
    const file = join(chunks, name);
    // The handler's module ends with its export statement; reading the tail is enough to recognise it.
    const text = readFileSync(file, "utf8");
    if (!text.includes("as handlerBuildCommand}")) continue;
    if (!HANDLER_EXPORT.test(text)) continue;
    const module = (await import(pathToFileURL(file).href)) as { handlerBuildCommand?: BuildDocsHandler };
    if (typeof module.handlerBuildCommand === "function") return module.handlerBuildCommand;
  }
  return undefined;
}

/**
 * Runs `fn` with this process's stderr captured: the CLI's logger writes its banners and progress
 * there (process.stderr.write). The build's own log lines go to stdout and are not touched; its
 * error messages are printed after the build, outside this window.
 */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; output: string }> {
  const original = process.stderr.write;
  let output = "";
  const capture = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    output += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stderr.write;
  process.stderr.write = capture;
  try {
    return { value: await fn(), output };
  } catch (error) {
    return { error, output };
  } finally {
    process.stderr.write = original;
  }
}

function runCli(options: RenderOptions): Promise<void> {
  const redocly = join(options.root, "node_modules", ".bin", "redocly");
  const args = ["build-docs", options.source, "--inlineBundle", "--template", options.template, "--output", options.output];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(redocly, args, { cwd: options.root, env: { ...process.env, REDOCLY_TELEMETRY: "off" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(`redocly ${args.join(" ")} exited with ${code}:\n${output}`))));
  });
}

export async function renderRedoc(options: RenderOptions): Promise<void> {
  process.env.REDOCLY_TELEMETRY = "off";
  handlerPromise ??= findHandler(options.root);
  const handler = await handlerPromise;
  if (!handler) return runCli(options);
  configPromise ??= loadConfig({ configPath: resolve(options.root, "redocly.yaml") });
  const config = await configPromise;
  const argv = { api: resolve(options.source), o: resolve(options.output), template: resolve(options.template), inlineBundle: true };
  const result = await captureOutput(() => handler({ argv, config }));
  if (result.error !== undefined) {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`redocly build-docs ${options.source}: ${message}\n${result.output}`);
  }
}
