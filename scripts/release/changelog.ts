// CHANGELOG.md's release sections, for `npm run release` (the notes) and `npm run diff` (a version's commit). A release
// heading is `## [1.0.0] — 2026-11-30 (commit 0164973)`; `## [Unreleased]` and other `## ` headings are not releases.
export type ChangelogRelease = { version: string; date?: string; commit?: string; notes: string };

const HEADING = /^## \[?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?(?:\s+[—–-]\s+(\d{4}-\d{2}-\d{2}))?(?:\s+\(commit ([0-9a-f]{7,40})\))?\s*$/;

export function changelogReleases(text: string): ChangelogRelease[] {
  const releases: Array<ChangelogRelease & { lines: string[] }> = [];
  let current: (typeof releases)[number] | undefined;
  for (const line of text.split("\n")) {
    if (!line.startsWith("## ")) current?.lines.push(line);
    else {
      const match = HEADING.exec(line);
      current = match ? { version: match[1]!, date: match[2], commit: match[3], notes: "", lines: [] } : undefined;
      if (current) releases.push(current);
    }
  }
  return releases.map(({ lines, ...release }) => ({ ...release, notes: lines.join("\n").trim() }));
}

/** The section of `version` ("1.0.0" or "v1.0.0"), or undefined. */
export function changelogRelease(text: string, version: string): ChangelogRelease | undefined {
  return changelogReleases(text).find((release) => release.version === version.replace(/^v/, ""));
}
