// Classifies the changes between two bundled documents with api-smart-diff, which resolves $refs and judges
// each change where an operation uses it (a field newly required in a request body breaks callers; in a
// response it does not), plus what it misses or misjudges: named schemas removed, path parameters reordered.
import { apiCompare } from "api-smart-diff";
import { pointerOf } from "../../src/openapi/document.js";
import { pathParameterReorders } from "./parameters.js";

export type ChangeKind = "breaking" | "non-breaking" | "deprecated" | "annotation" | "unclassified";

export interface Change {
  kind: ChangeKind;
  action: "add" | "remove" | "replace" | "rename";
  /** JSON pointer into the document, e.g. /paths/~1api~1atlas~1v2~1groups/post/requestBody/... */
  pointer: string;
  description: string;
}

export interface Classification {
  /** Changes that decide the verdict, by kind. */
  changes: Record<ChangeKind, Change[]>;
  /** Component-level duplicates of operation-level changes, kept for reference. */
  components: Change[];
  /** Classification rule errors api-smart-diff logged (on console.error); changes at those nodes may be misjudged. */
  classifierErrors: string[];
}

/**
 * api-smart-diff reports a change to a shared component once here (judged without knowing whether requests or
 * responses use it) and again under every operation that uses it (judged in context): only the latter count.
 */
const REFERENCED_SECTIONS = new Set(["schemas", "parameters", "responses", "requestBodies", "headers", "examples"]);

const toPointer = (path: ReadonlyArray<string | number>): string => pointerOf(path).slice(1);

function describe(action: Change["action"], path: ReadonlyArray<string | number>, fromLibrary: string | undefined): string {
  if (fromLibrary) return fromLibrary;
  const done = `[${action.charAt(0).toUpperCase() + action.slice(1) + (action.endsWith("e") ? "d" : "ed")}]`;
  return path[0] === "components" && path.length === 3 ? `${done} ${String(path[1])} component \`${String(path[2])}\`` : `${done} ${path.join(".")}`;
}

/**
 * `readOnly: true` added to (or set on) a response field, which api-smart-diff calls breaking: a response is
 * only read, so it is an annotation there (in a request body it takes the field out of what a caller may send).
 */
function isResponseReadOnlyMark(path: ReadonlyArray<string | number>, action: Change["action"]): boolean {
  return path[0] === "paths" && path.includes("responses") && path.at(-1) === "readOnly" && (action === "add" || action === "replace");
}

export function classifyChanges(before: unknown, after: unknown): Classification {
  // api-smart-diff logs (rather than throws) when one of its classification rules fails.
  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(" "));
  let result;
  try {
    result = apiCompare(before, after);
  } finally {
    console.error = consoleError;
  }
  const changes: Record<ChangeKind, Change[]> = { breaking: [], "non-breaking": [], deprecated: [], annotation: [], unclassified: [] };
  const components: Change[] = [];
  for (const { path, action, type, description } of result.diffs) {
    const change: Change = { kind: type as ChangeKind, action, pointer: toPointer(path), description: describe(action, path, description) };
    if (path[0] === "components" && REFERENCED_SECTIONS.has(String(path[1]))) {
      // Consumers of the generated types import components["schemas"][name] by name.
      if (path[1] === "schemas" && path.length === 3 && (action === "remove" || action === "rename")) {
        changes.breaking.push({ ...change, kind: "breaking", description: `${change.description} (generated types lose components["schemas"]["${path[2]}"])` });
      } else components.push(change);
    } else if (change.kind === "breaking" && isResponseReadOnlyMark(path, action)) {
      changes.annotation.push({ ...change, kind: "annotation", description: `${change.description} (a response is only read: the mark changes nothing a consumer gets)` });
    } else {
      changes[change.kind].push(change);
    }
  }
  for (const reorder of pathParameterReorders(before, after)) {
    changes.breaking.push({
      kind: "breaking",
      action: "replace",
      pointer: toPointer(["paths", reorder.path, reorder.method, "parameters"]),
      description: `[Reordered] path parameters of ${reorder.method.toUpperCase()} ${reorder.path}: (${reorder.before.join(", ")}) -> (${reorder.after.join(", ")}); positional generators take them as arguments in this order`,
    });
  }
  return { changes, components, classifierErrors: [...new Set(errors)] };
}

export function hasBreakingChanges(classification: Classification): boolean {
  return classification.changes.breaking.length > 0;
}
