/**
 * The code samples as the bundled document carries them (x-codeSamples), and the two ways tests run a
 * curl sample: for real through bash and curl, or through bash with `curl` replaced by a shell function
 * that prints the arguments it got (what the shell made of the quoting), without sending anything.
 */
import { spawnSync } from "node:child_process";
import { SAMPLE_LABELS, type CodeSample } from "../../scripts/bundle/code-samples.js";
import { isObject, listOperations, resolveObject, type JsonObject, type Operation } from "./bundled-document.js";

export type SampleKind = keyof typeof SAMPLE_LABELS;

export interface OperationSamples {
  op: Operation;
  /** The documented 2xx status code. */
  success: number;
  samples: Record<SampleKind, CodeSample>;
}

/** Each operation's three samples by kind; an operation without one of them throws, naming it. */
export function operationSamples(doc: JsonObject): OperationSamples[] {
  return listOperations(doc).map((op) => {
    const item = resolveObject(doc, (doc.paths as JsonObject)[op.path]!, "#/paths").value;
    const raw = (item[op.method] as JsonObject)["x-codeSamples"];
    const list = (Array.isArray(raw) ? raw : []) as unknown as CodeSample[];
    const samples = Object.fromEntries(
      Object.entries(SAMPLE_LABELS).map(([kind, label]) => {
        const found = list.filter((s) => isObject(s as unknown as JsonObject) && s.label === label);
        if (found.length !== 1) throw new Error(`${op.operationId}: expected one x-codeSamples entry labelled "${label}", found ${found.length}`);
        return [kind, found[0]!];
      }),
    ) as Record<SampleKind, CodeSample>;
    const success = op.responses.find((r) => r.code.startsWith("2"));
    if (!success) throw new Error(`${op.operationId}: no documented 2xx response`);
    return { op, success: Number(success.code), samples };
  });
}

/**
 * Runs shell text with bash; `env` is added to a minimal environment (PATH only). --norc and no stdin:
 * bash reads ~/.bashrc even without -i when stdin is a socket (it takes that for rshd/sshd), and
 * Node's pipes are sockets.
 */
export function runBash(script: string, env: Record<string, string> = {}, timeoutMs = 20_000) {
  return spawnSync("bash", ["--norc", "--noprofile", "-c", script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: timeoutMs,
  });
}

/** The arguments bash hands to `curl` when it runs the sample, `curl` being a function that prints them. */
export function curlArguments(source: string, env: Record<string, string> = {}): string[] {
  const result = runBash(`curl() { printf '%s\\0' "$@"; }\n${source}`, env);
  if (result.status !== 0) throw new Error(`bash could not run the sample (exit ${result.status}): ${result.stderr}`);
  return result.stdout.split("\0").slice(0, -1);
}
