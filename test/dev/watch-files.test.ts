/**
 * The dev loop's watcher: every save is reported after it lands, including a second save soon after the
 * first (chokidar's default drops it) and saves by rename (vim, many IDEs, `sed -i`).
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchFiles, type FileWatcher } from "../../scripts/serve/watch-files.js";

const SETTLE_MS = 40;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe("watchFiles", () => {
  let dir: string;
  let file: string;
  let watcher: FileWatcher;
  /** When each change of `file` was reported. */
  let reported: number[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "watch-files-"));
    file = join(dir, "path.yaml");
    writeFileSync(file, "summary: 0\n");
    reported = [];
    watcher = await watchFiles([dir], SETTLE_MS, (path) => path === file && reported.push(Date.now()), (error) => {
      throw error;
    });
  });

  afterEach(async () => {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const inPlace = (text: string) => writeFileSync(file, text);
  const byRename = (text: string) => {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  };

  for (const [how, save] of [["in place", inPlace], ["by rename", byRename]] as const) {
    it(`reports each of a few saves ${how}, each after it lands`, async () => {
      for (let round = 1; round <= 3; round++) {
        save(`summary: ${round}\n`);
        const saved = Date.now();
        await sleep(SETTLE_MS * 6);
        expect(reported.some((at) => at >= saved), `save ${round} was reported`).toBe(true);
      }
    });

    it(`reports a second save ${how} made 45 ms after the first`, async () => {
      save("summary: first\n");
      await sleep(45);
      save("summary: second\n");
      const second = Date.now();
      await sleep(SETTLE_MS * 8);
      expect(reported.some((at) => at >= second), "the second save was reported after it landed").toBe(true);
    });
  }
});
