/**
 * The recipes of the README and of the guides under docs/ (docs/downstream.md, "Recipes") are excerpts of
 * files the generator matrix runs: each code block announced by `<!-- recipe: <file> -->` must still appear
 * in that file, line for line (indentation aside), so a recipe cannot drift from what is tested.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, test } from "vitest";
import { GENERATORS } from "./support/generators.js";
import { ROOT } from "./support/workspace.js";

/** README.md and every guide under docs/ (the files that quote code). */
const GUIDES = ["README.md", ...readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".md")).map((file) => join("docs", file))];
const RECIPE = /<!-- recipe: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g;

const guides = GUIDES.map((guide) => {
  const text = readFileSync(join(ROOT, guide), "utf8");
  const recipes = [...text.matchAll(RECIPE)].map(([, file, code]) => ({ guide, file: file ?? "", code: code ?? "" }));
  return { guide, announced: text.match(/<!-- recipe: /g)?.length ?? 0, recipes };
});
const recipes = guides.flatMap((guide) => guide.recipes);

function lines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
}

function containsInOrder(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, start) => needle.every((line, offset) => haystack[start + offset] === line));
}

test("every announced recipe is followed by its code block", () => {
  expect(guides.filter((g) => g.announced !== g.recipes.length).map((g) => `${g.guide}: ${g.announced} announced, ${g.recipes.length} blocks`)).toEqual([]);
});

test("every generator of the matrix has a recipe", () => {
  const quoted = recipes.map((r) => basename(r.file));
  // orval's fetch and zod outputs come from one orval config (clients/orval.config.ts).
  const family = (id: string): string => id.replace(/^orval-(fetch|zod)$/, "orval");
  expect(GENERATORS.filter((g) => !quoted.some((file) => file.startsWith(family(g.id)))).map((g) => g.id)).toEqual([]);
});

describe.each(recipes)("recipe in $guide from $file", ({ guide, file, code }) => {
  test("is an excerpt of the file the matrix runs", () => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${guide}: ${file} does not exist`).toBe(true);
    expect(containsInOrder(lines(readFileSync(path, "utf8")), lines(code)), `${guide}: block is not in ${file}:\n${code}`).toBe(true);
  });
});
