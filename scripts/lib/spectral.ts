/**
 * Spectral with the project's ruleset (scripts/lib/spectral-ruleset.js), on a worker thread of this
 * process (spectral.worker.mjs): the ruleset loads while the main thread runs Redocly, and stays
 * loaded for `npm run dev` until .spectral* changes (reload()).
 */
import { WorkerClient } from "./worker-client.js";
import type { Problem, Severity } from "./problems.js";

export { loadSpectralRuleset } from "./spectral-ruleset.js";

const SEVERITIES: Severity[] = ["error", "warning", "info", "hint"];

interface PlainResult {
  code: string;
  message: string;
  severity: number;
  source?: string;
  line: number;
}

export class SpectralLinter {
  private readonly worker: WorkerClient;

  constructor(rulesetFile: string) {
    this.worker = new WorkerClient("spectral", new URL("./spectral.worker.mjs", import.meta.url), { rulesetFile });
  }

  /** Ends the worker thread and frees its heap (the build lints once; `npm run dev` keeps it). */
  async close(): Promise<void> {
    await this.worker.close();
  }

  /** Starts loading the ruleset. */
  warm(): void {
    this.worker.warm();
  }

  /** The ruleset changed: load it again. */
  reload(): void {
    this.worker.tell({ type: "reload" });
  }

  /** Lints YAML text as the file `file` (the bundled copy Spectral reads, so lines point into it). */
  async lint(yamlText: string, file: string): Promise<Problem[]> {
    const results = await this.worker.request<PlainResult[]>({ type: "lint", yaml: yamlText, file });
    return results.map((r) => ({ file: r.source ?? file, line: r.line, rule: r.code, message: r.message, severity: SEVERITIES[r.severity] ?? "error", tool: "spectral" }));
  }
}
