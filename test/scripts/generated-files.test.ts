/**
 * generated/ as JavaScript plus declarations (scripts/generate/generate-types.ts) and how they reach generated/lib
 * (scripts/build/compile-lib.ts): writeGenerated owns the directory, and the library compile copies each
 * declared JavaScript module beside tsc's output, as tsc would have placed it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileLib } from "../../scripts/build/compile-lib.js";
import { GENERATED_FILES, writeGenerated, type GeneratedSources } from "../../scripts/generate/generate-types.js";

const root = mkdtempSync(join(tmpdir(), "generated-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

const read = (relative: string) => readFileSync(join(root, relative), "utf8");

describe("writeGenerated", () => {
  const sources: GeneratedSources = { files: Object.fromEntries(GENERATED_FILES.map((name) => [name, `// ${name}\n`])) as GeneratedSources["files"], operations: 1 };

  it("writes every generated file and removes what it does not generate (a leftover atlas.ts would be compiled too)", async () => {
    write("out/atlas.ts", "export interface paths {}\n");
    write("out/atlas.d.ts", "// old\n");
    const written = await writeGenerated(join(root, "out"), sources);
    expect(readdirSync(join(root, "out")).sort()).toEqual([...GENERATED_FILES].sort());
    expect(read("out/atlas.d.ts")).toBe("// atlas.d.ts\n");
    expect(written).toContain("atlas.ts (removed)");
    expect(await writeGenerated(join(root, "out"), sources)).toEqual([]);
  });
});

describe("the library compile", () => {
  it("compiles the sources and copies each .js that a .d.ts declares, dropping a source map left from a compiled .ts", async () => {
    write("lib/package.json", '{ "type": "module" }');
    write("lib/tsconfig.json", JSON.stringify({ compilerOptions: { module: "NodeNext", target: "ES2022", strict: true, skipLibCheck: true, declaration: true, sourceMap: true, rootDir: ".", outDir: "dist" }, include: ["src", "gen"] }));
    write("lib/src/index.ts", 'import { answer } from "../gen/answer.js";\nexport const doubled: number = answer * 2;\n');
    write("lib/gen/answer.js", "export const answer = 21;\n");
    write("lib/gen/answer.d.ts", "export declare const answer: number;\n");
    write("lib/dist/gen/answer.js.map", '{"sources":["../../gen/answer.ts"]}');
    const compile = () => compileLib(join(root, "lib/tsconfig.json"), join(root, "lib/build/lib.tsbuildinfo"));
    expect(await compile()).toEqual([]);
    expect(read("lib/dist/src/index.js")).toContain('from "../gen/answer.js"');
    expect(read("lib/dist/gen/answer.js")).toBe("export const answer = 21;\n");
    expect(read("lib/dist/gen/answer.d.ts")).toBe("export declare const answer: number;\n");
    expect(existsSync(join(root, "lib/dist/gen/answer.js.map"))).toBe(false);

    write("lib/gen/answer.js", "export const answer = 42;\n");
    expect(await compile()).toEqual([]);
    expect(read("lib/dist/gen/answer.js")).toBe("export const answer = 42;\n");
  });

  it("type-checks the sources against the declaration, naming file and line", async () => {
    write("bad/package.json", '{ "type": "module" }');
    write("bad/tsconfig.json", JSON.stringify({ compilerOptions: { module: "NodeNext", strict: true, skipLibCheck: true, rootDir: ".", outDir: "dist" }, include: ["src", "gen"] }));
    write("bad/src/index.ts", 'import { answer } from "../gen/answer.js";\n\nexport const text: string = answer;\n');
    write("bad/gen/answer.js", "export const answer = 21;\n");
    write("bad/gen/answer.d.ts", "export declare const answer: number;\n");
    const problems = await compileLib(join(root, "bad/tsconfig.json"), join(root, "bad/build/lib.tsbuildinfo"));
    expect(problems).toEqual([expect.objectContaining({ file: join(root, "bad/src/index.ts"), line: 3, rule: "TS2322", severity: "error" })]);
  });
});
