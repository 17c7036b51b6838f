/**
 * The README's recipes ("Regenerating a client") are excerpts of files the generator matrix runs: each
 * code block announced by `<!-- recipe: <file> -->` must still appear in that file, line for line
 * (indentation aside), so a recipe cannot drift from what is tested.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "./support/workspace.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const RECIPE = /<!-- recipe: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g;
const recipes = [...readme.matchAll(RECIPE)].map(([, file, code]) => ({ file: file ?? "", code: code ?? "" }));

function lines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
}

function containsInOrder(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, start) => needle.every((line, offset) => haystack[start + offset] === line));
}

test("the README announces its recipes", () => {
  expect(readme.match(/<!-- recipe: /g)?.length).toBe(recipes.length);
  expect(new Set(recipes.map((r) => r.file)).size).toBeGreaterThanOrEqual(8);
});

describe.each(recipes)("recipe from $file", ({ file, code }) => {
  test("is an excerpt of the file the matrix runs", () => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${file} does not exist`).toBe(true);
    expect(containsInOrder(lines(readFileSync(path, "utf8")), lines(code)), `README block is not in ${file}:\n${code}`).toBe(true);
  });
});
