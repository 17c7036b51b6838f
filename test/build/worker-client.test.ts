/** A build step on a worker thread that dies fails with the step's name instead of leaving the build waiting. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { WorkerClient } from "../../scripts/common/worker-client.js";

const dir = mkdtempSync(join(tmpdir(), "worker-client-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workerFile(name: string, onMessage: string): URL {
  const file = join(dir, name);
  writeFileSync(file, `import { parentPort } from "node:worker_threads";\nparentPort.on("message", (message) => { ${onMessage} });\n`);
  return pathToFileURL(file);
}

describe("WorkerClient", () => {
  it("answers a request", async () => {
    const client = new WorkerClient("echo step", workerFile("echo.mjs", 'parentPort.postMessage({ type: "done", id: message.id, result: message.value * 2 });'), {});
    await expect(client.request<number>({ type: "go", value: 21 })).resolves.toBe(42);
    await client.close();
  });

  it("names the step when its worker exits without answering", async () => {
    const client = new WorkerClient("exiting step", workerFile("exit.mjs", "process.exit(3);"), {});
    await expect(client.request({ type: "go" })).rejects.toThrow("exiting step: the worker thread exited (code 3) before answering");
  });

  it("names the step when its worker runs out of memory", async () => {
    const hog = "const kept = []; for (;;) kept.push(new Array(100000).fill(1.5));";
    const client = new WorkerClient("hungry step", workerFile("hog.mjs", hog), {}, { maxOldGenerationSizeMb: 32 });
    await expect(client.request({ type: "go" })).rejects.toThrow(/^hungry step: the worker thread failed: .*out of memory/);
  });
});
