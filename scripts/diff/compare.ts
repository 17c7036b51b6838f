/**
 * Classifies the changes between two bundled OpenAPI documents with api-smart-diff, which resolves
 * $refs and judges each change by where it sits (a field newly required in a request body breaks
 * callers; the same in a response does not).
 *
 * Components: api-smart-diff reports a change to a shared schema once under `components` (judged
 * without knowing whether requests or responses use it) and again under every operation that uses
 * it (judged in context). We count the operation-level verdicts and list the component-level ones
 * for information only, with one exception: removing or renaming a named schema is breaking,
 * because consumers of the generated types import `components["schemas"][name]` by name.
 *
 * Path-parameter order, which api-smart-diff does not compare, is checked here too (a reorder is
 * breaking: see parameters.ts).
 *
 * One verdict of api-smart-diff is corrected: it calls `readOnly` added to a response field breaking.
 * A response body is only read, so the mark changes nothing a consumer receives or sends; it is an
 * annotation there (in a request body, where it takes the field out of what a caller may send, the
 * library's "breaking" stands).
 */
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

/** Component sections whose changes reach consumers through the operations that reference them. */
const REFERENCED_SECTIONS = new Set(["schemas", "parameters", "responses", "requestBodies", "headers", "examples"]);

const KINDS: readonly ChangeKind[] = ["breaking", "non-breaking", "deprecated", "annotation", "unclassified"];

/** `readOnly: true` added to (or set on) a field of a response body: annotation, not a break. */
function isResponseReadOnlyMark(path: ReadonlyArray<string | number>, action: Change["action"]): boolean {
  return path[0] === "paths" && path.includes("responses") && path.at(-1) === "readOnly" && (action === "add" || action === "replace");
}

const toPointer = (path: ReadonlyArray<string | number>): string => pointerOf(path).slice(1);

function describe(action: Change["action"], path: ReadonlyArray<string | number>, fromLibrary: string | undefined): string {
  if (fromLibrary) return fromLibrary;
  if (path[0] === "components" && path.length === 3) return `[${pastTense(action)}] ${String(path[1])} component \`${String(path[2])}\``;
  return `[${pastTense(action)}] ${path.join(".")}`;
}

function pastTense(action: string): string {
  return action.charAt(0).toUpperCase() + action.slice(1) + (action.endsWith("e") ? "d" : "ed");
}

/** api-smart-diff logs (rather than throws) when one of its classification rules fails. Collect those logs. */
function captureConsoleErrors<T>(work: () => T): { result: T; errors: string[] } {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(" "));
  };
  try {
    return { result: work(), errors };
  } finally {
    console.error = original;
  }
}

export function classifyChanges(before: unknown, after: unknown): Classification {
  const { result, errors } = captureConsoleErrors(() => apiCompare(before, after));
  const changes = Object.fromEntries(KINDS.map((kind) => [kind, [] as Change[]])) as Record<ChangeKind, Change[]>;
  const components: Change[] = [];
  for (const diff of result.diffs) {
    const path = diff.path;
    const change: Change = {
      kind: diff.type as ChangeKind,
      action: diff.action,
      pointer: toPointer(path),
      description: describe(diff.action, path, diff.description),
    };
    const inReferencedSection = path[0] === "components" && REFERENCED_SECTIONS.has(String(path[1]));
    const namedSchemaGone = inReferencedSection && path[1] === "schemas" && path.length === 3 && (diff.action === "remove" || diff.action === "rename");
    if (namedSchemaGone) {
      changes.breaking.push({ ...change, kind: "breaking", description: `${change.description} (generated types lose components["schemas"]["${String(path[2])}"])` });
    } else if (inReferencedSection) {
      components.push(change);
    } else if (change.kind === "breaking" && isResponseReadOnlyMark(path, diff.action)) {
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
