/**
 * `npm run dev` (what its script execs: node scripts/run.mjs serve/dev) in a temporary copy of the
 * project, on free ports: an edit reaches the open page (a `reload` event, then the new text); a YAML
 * syntax error and a dangling $ref are reported as `file:line rule message` while the last good page
 * stays served; fixing the file brings the page back; lint findings are printed as `file:line rule
 * message`; the mock is restarted on the new bundle; a file saved by rename (vim, many IDEs, `sed -i`)
 * stays watched.
 */
import { readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevSession, withDescriptionMarker, type DevSession, type EventStream } from "../../bench/lib/dev-session.js";
import { createWorkspace, type Workspace } from "../../bench/lib/workspace.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CYCLE_MS = 90_000;

describe("npm run dev", () => {
  let workspace: Workspace;
  let session: DevSession;
  let events: EventStream;
  let file: string;
  let relativeFile: string;
  let original: string;

  beforeAll(async () => {
    workspace = createWorkspace(ROOT);
    const pathsDir = join(workspace.dir, "openapi", "paths");
    relativeFile = join("openapi", "paths", readdirSync(pathsDir).filter((name) => name.endsWith(".yaml")).sort()[0]!);
    file = join(workspace.dir, relativeFile);
    original = readFileSync(file, "utf8");
    session = await startDevSession(workspace.dir, { readyTimeoutMs: 150_000 });
    events = await session.subscribe();
  }, 180_000);

  afterAll(async () => {
    events?.close();
    const code = await session?.stop();
    workspace?.dispose();
    expect(code).toBe(0);
  }, 30_000);

  /** Writes the file, then waits for the cycle it starts to end; returns dev's output of that cycle. */
  async function edit(text: string): Promise<string> {
    const from = session.output().length;
    writeFileSync(file, text);
    await session.waitForOutput(/cycle \d+: (done|failed)/, CYCLE_MS, from);
    return session.output().slice(from);
  }

  /** Saves the way vim, many IDEs and `sed -i` do: a new file beside the old one, renamed over it. */
  async function saveByRename(text: string): Promise<string> {
    const from = session.output().length;
    const temporary = `${file}.save-tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    await session.waitForOutput(/cycle \d+: (done|failed)/, CYCLE_MS, from);
    return session.output().slice(from);
  }

  it("serves the built page with the reload script", async () => {
    const page = await session.page();
    expect(page).toContain("Return Settings for One Organization");
    expect(page).toContain('new EventSource("/__dev/events")');
  });

  it("reloads the page after an edit, and the page shows the new text", async () => {
    const reload = events.next("reload", CYCLE_MS);
    const output = await edit(withDescriptionMarker(original, "Firstdevmarker"));
    await reload;
    expect(await session.page()).toContain("Firstdevmarker");
    // An edit to a path file: the page came from the quick bundle, and the full bundle agreed with it.
    expect(output).toMatch(/quick bundle: /);
    expect(output).not.toContain("the quick page differed");
    // The Atlas mock (as `npm run mock` runs it) is restarted on the new bundle, and answers.
    const cycle = /\[dev\] cycle (\d+):/.exec(output)?.[1];
    expect(cycle).toBeDefined();
    await session.waitForOutput(new RegExp(`mock: http://127\\.0\\.0\\.1:\\d+/ \\(cycle ${cycle}, new bundle\\)`), CYCLE_MS);
    const answer = await fetch(`${session.mockUrl}/`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: 404, errorCode: "RESOURCE_NOT_FOUND" });
  }, 200_000);

  it("reports a YAML syntax error where it is and keeps the last good page; fixing it brings the page back", async () => {
    const lines = withDescriptionMarker(original, "Neverservedmarker").split("\n");
    lines.splice(1, 0, "  broken: [unclosed");
    const problems = events.next("problems", CYCLE_MS);
    const output = await edit(lines.join("\n"));
    expect(output).toMatch(new RegExp(`${escape(relativeFile)}:\\d+ \\S+ .*`));
    expect(output).toContain("the last good docs and mock stay up");
    expect(((await problems).data as { problems: string[] }).problems.join("\n")).toContain(relativeFile);
    const page = await session.page();
    expect(page).toContain("Firstdevmarker");
    expect(page).not.toContain("Neverservedmarker");

    const reload = events.next("reload", CYCLE_MS);
    await edit(withDescriptionMarker(original, "Fixedagainmarker"));
    await reload;
    expect(await session.page()).toContain("Fixedagainmarker");
  }, 200_000);

  it("reports a dangling $ref as file:line no-unresolved-refs and keeps the last good page", async () => {
    const dangling = withDescriptionMarker(original, "Danglingmarker").replace(/\$ref: \S+/, "$ref: ../components/schemas/DoesNotExist.yaml");
    expect(dangling).toContain("DoesNotExist.yaml");
    const output = await edit(dangling);
    expect(output).toMatch(new RegExp(`${escape(relativeFile)}:\\d+ no-unresolved-refs .*DoesNotExist\\.yaml`));
    expect(await session.page()).not.toContain("Danglingmarker");
    expect(await session.page()).toContain("Fixedagainmarker");
  }, 200_000);

  it("prints lint findings as file:line rule message and still shows the change", async () => {
    const withoutSummary = withDescriptionMarker(original, "Nosummarymarker").replace(/^(\s+)summary: .*\n/m, "");
    expect(withoutSummary).not.toBe(original);
    const reload = events.next("reload", CYCLE_MS);
    const output = await edit(withoutSummary);
    await reload;
    expect(output).toMatch(new RegExp(`^${escape(relativeFile)}:\\d+ operation-summary `, "m"));
    expect(output).toMatch(/^dist\/lint\/openapi\.yaml:\d+ atlas-operation-has-summary Operation has no summary/m);
    expect(await session.page()).toContain("Nosummarymarker");
    await edit(original);
  }, 200_000);

  it("keeps seeing a file saved by rename: two saves, then a YAML error fixed by a rename-save", async () => {
    for (const marker of ["Firstrenamemarker", "Secondrenamemarker"]) {
      const reload = events.next("reload", CYCLE_MS);
      expect(await saveByRename(withDescriptionMarker(original, marker))).toMatch(/cycle \d+: done/);
      await reload;
      // (includes, not toContain: a failure would print the whole page)
      expect((await session.page()).includes(marker), `the page shows ${marker}`).toBe(true);
    }
    const lines = withDescriptionMarker(original, "Neverservedrenamemarker").split("\n");
    lines.splice(1, 0, "  broken: [unclosed");
    expect(await saveByRename(lines.join("\n"))).toContain("the last good docs and mock stay up");
    const reload = events.next("reload", CYCLE_MS);
    expect(await saveByRename(withDescriptionMarker(original, "Renamefixedmarker"))).toMatch(/cycle \d+: done/);
    await reload;
    const page = await session.page();
    expect(page.includes("Renamefixedmarker"), "the page shows the fixed file").toBe(true);
    expect(page.includes("Neverservedrenamemarker"), "the page shows the broken file").toBe(false);
  }, 300_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
