/**
 * The contract check is opt-in: the package's main entry never loads the validators (its size and
 * start-up stay the client's), while the validate entry reaches them. Reads the built JavaScript in
 * generated/lib (needs a prior `npm run build`).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Every file of the package an entry reaches through relative static and dynamic imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  if (!existsSync(entry)) throw new Error(`${relative(root, entry)} is missing: run npm run build`);
  seen.add(entry);
  const source = readFileSync(entry, "utf8");
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.[^"']+)["']/g)) reachable(join(dirname(entry), match[1]!), seen);
  return seen;
}

const files = (entry: string) => [...reachable(join(root, entry))].map((file) => relative(root, file));

describe("entry points", () => {
  test("the main entry does not reach the validators or the validate module", () => {
    const main = files("generated/lib/src/index.js");
    expect(main).toContain("generated/lib/src/client.js");
    expect(main.filter((file) => file.includes("response-validators") || file.includes("/validate/"))).toEqual([]);
  });

  test("the validate entry reaches the generated validators", () => {
    expect(files("generated/lib/src/validate/index.js")).toContain("generated/lib/generated/response-validators.js");
  });
});
