/** Renders a classification as the text `npm run diff` prints. */
import type { Change, ChangeKind, Classification } from "./compare.js";

const HEADINGS: Record<ChangeKind, string> = {
  breaking: "Breaking changes",
  "non-breaking": "Non-breaking changes",
  deprecated: "Deprecations",
  unclassified: "Unclassified changes (review by hand)",
  annotation: "Documentation-only changes (descriptions, summaries, examples)",
};

/** Kinds always listed in full; documentation-only changes are counted unless verbose. */
const ALWAYS_LISTED: readonly ChangeKind[] = ["breaking", "non-breaking", "deprecated", "unclassified"];

function listChanges(changes: readonly Change[]): string[] {
  return changes.map((change) => `  - ${change.description}\n      at ${change.pointer}`);
}

export function formatReport(classification: Classification, labels: { base: string; head: string }, verbose: boolean): string {
  const { changes, components, classifierErrors } = classification;
  const lines = [`Comparing ${labels.base} -> ${labels.head}`, ""];
  const total = Object.values(changes).reduce((sum, list) => sum + list.length, 0);
  if (total === 0 && components.length === 0) {
    lines.push("No changes to the document.");
    return lines.join("\n");
  }
  for (const kind of ALWAYS_LISTED) {
    lines.push(`${HEADINGS[kind]}: ${changes[kind].length}`, ...listChanges(changes[kind]));
  }
  lines.push(`${HEADINGS.annotation}: ${changes.annotation.length}`);
  if (verbose) lines.push(...listChanges(changes.annotation));
  lines.push(`Component-level changes (already judged above under the operations that use them): ${components.length}`);
  if (verbose) lines.push(...listChanges(components));
  if (!verbose && (changes.annotation.length > 0 || components.length > 0)) lines.push("(--verbose lists them)");
  if (classifierErrors.length > 0) {
    lines.push("", `api-smart-diff hit ${classifierErrors.length} classification rule error(s); the changes at these nodes may be misjudged, check them by hand:`);
    lines.push(...classifierErrors.map((error) => `  ${error}`));
  }
  return lines.join("\n");
}
