// orval hook (a recipe of docs/downstream.md): orval writes each `pattern` as `new RegExp('...')` without flags, so the
// project-name pattern's Unicode property escapes (\p{L}, \p{N}) mean the letters "p{L}" and reject
// every ordinary name. This adds the `u` flag to each pattern that uses one. Usage in orval.config:
//   hooks: { afterAllFilesWrite: "node orval-unicode-patterns.mjs" }   (orval appends the file paths)
import { readFileSync, writeFileSync } from "node:fs";

const FLAGLESS_UNICODE_PATTERN = /new RegExp\(('(?:[^'\\]|\\.)*\\\\[pP]\{(?:[^'\\]|\\.)*')\)/g;

for (const file of process.argv.slice(2).filter((path) => path.endsWith(".ts"))) {
  const source = readFileSync(file, "utf8");
  const fixed = source.replace(FLAGLESS_UNICODE_PATTERN, "new RegExp($1, 'u')");
  if (fixed !== source) writeFileSync(file, fixed);
}
