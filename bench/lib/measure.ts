/** Timing primitives shared by the benchmark sections: run a command with a time limit, repeat, summarise. */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface CommandSpec {
  /** Shown in the results table and in error messages. */
  label: string;
  command: string;
  args: string[];
  cwd: string;
  /** Added to the environment (REDOCLY_TELEMETRY=off and no colours are always set). */
  env?: Record<string, string>;
}

export interface Timing {
  ms: number;
  ok: boolean;
  timedOut: boolean;
  exitCode: number | null;
  /** Last lines of output, to explain a failure. */
  tail: string;
}

// Enough for the one-process build's stage log (bench/scale.ts reads it) and a failure's last lines.
const TAIL_CHARS = 4000;

/**
 * Runs a command in its own process group, so that a time limit ends npm/bash/npx children too
 * (only the group this call started is signalled).
 */
export function timeCommand(spec: CommandSpec, timeoutMs: number): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1", FORCE_COLOR: "0", ...spec.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-TAIL_CHARS);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new Error(`${spec.label}: cannot start ${spec.command}: ${err.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, ok: code === 0 && !timedOut, timedOut, exitCode: code, tail: output.trim() });
    });
  });
}

/** Runs several commands one after another as one measured step; stops at the first failure. */
export async function timeSequence(specs: CommandSpec[], timeoutMs: number): Promise<Timing> {
  let total = 0;
  let last: Timing = { ms: 0, ok: true, timedOut: false, exitCode: 0, tail: "" };
  for (const spec of specs) {
    last = await timeCommand(spec, timeoutMs - total);
    total += last.ms;
    if (!last.ok) break;
  }
  return { ...last, ms: total };
}

export interface Summary {
  runs: number;
  medianMs: number;
  minMs: number;
  /** Set when some run failed or hit the time limit: what happened, for the report. */
  problem?: string;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarise(timings: readonly Timing[], timeoutMs: number): Summary {
  const ms = timings.map((timing) => timing.ms);
  const summary: Summary = { runs: timings.length, medianMs: median(ms), minMs: Math.min(...ms) };
  const timedOut = timings.filter((timing) => timing.timedOut).length;
  const failed = timings.filter((timing) => !timing.ok && !timing.timedOut);
  if (timedOut > 0) summary.problem = `timed out (> ${Math.round(timeoutMs / 1000)} s) in ${timedOut} of ${timings.length} runs`;
  else if (failed.length > 0) summary.problem = `exit ${failed[0]!.exitCode} in ${failed.length} of ${timings.length} runs: ${lastLine(failed[0]!.tail)}`;
  return summary;
}

function lastLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return (lines.at(-1) ?? "(no output)").slice(0, 200);
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

/** A table cell for a summary: "1.23 s (min 1.20 s)", or what went wrong. */
export function formatSummary(summary: Summary | undefined): string {
  if (!summary) return "n/a";
  if (summary.problem?.startsWith("timed out")) return `**${summary.problem}**`;
  const time = `${seconds(summary.medianMs)} (min ${seconds(summary.minMs)})`;
  return summary.problem ? `${time}; **failed: ${summary.problem}**` : time;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|").replaceAll("\n", " ");
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.map(escape).join(" | ")} |`).join("\n");
}
