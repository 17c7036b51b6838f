/**
 * The static documentation page in a real browser (Chromium via playwright-core), offline:
 * every operation of the bundled document is reachable from the sidebar with its summary, method,
 * path and parameters; an operation shows its response fields with their limits; the search finds
 * "Online Archive"; and the page loads nothing from outside file:// or 127.0.0.1.
 * The page is built fresh into a temporary directory with the same script as `npm run docs`.
 * Every operation's code samples (x-codeSamples) are offered in its request panel, and the TypeScript
 * one shows the package's client.
 * Screenshots for people to look at: test-results/docs.png (the whole page: every tag with its
 * operations), test-results/docs-operation.png (getOrganizationSettings opened) and
 * test-results/docs-samples.png (createProject's samples: the menu open over the TypeScript sample).
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs } from "../../scripts/docs/build-docs.js";
import { SAMPLE_LABELS } from "../../scripts/bundle/code-samples.js";
import { isObject, listOperations, readBundledDocument, resolveObject, type JsonObject } from "../support/bundled-document.js";
import { pageOperationKeys } from "../reference/pages.js";
import { launchChromium, type LaunchedBrowser } from "./chromium.js";

const RESULTS = fileURLToPath(new URL("../../test-results/", import.meta.url));

interface DocumentedOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  parameters: string[];
}

/** The operations as the bundled document describes them: what the page must show. */
function documentedOperations(doc: JsonObject): DocumentedOperation[] {
  return listOperations(doc).map((op) => {
    const item = resolveObject(doc, (doc.paths as JsonObject)[op.path]!, "#/paths").value;
    const raw = item[op.method] as JsonObject;
    const tags = raw.tags as string[] | undefined;
    if (typeof raw.summary !== "string" || !tags?.[0]) throw new Error(`${op.operationId} needs a summary and a tag`);
    return { operationId: op.operationId, method: op.method, path: op.path, summary: raw.summary, tag: tags[0], parameters: op.parameters.map((p) => p.name) };
  });
}

/** How Redoc 3 prints inclusive numeric limits next to a field's type. */
function redocRange(schema: JsonObject): string | undefined {
  if (schema.exclusiveMinimum !== undefined || schema.exclusiveMaximum !== undefined) {
    throw new Error("exclusive limits: extend redocRange with Redoc's ( .. ) / > / < forms");
  }
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return `[ ${min} .. ${max} ]`;
  if (min !== undefined) return `>= ${min}`;
  if (max !== undefined) return `<= ${max}`;
  return undefined;
}

/** Requests that stay on this machine: the page itself, its in-memory blobs/data, and 127.0.0.1. */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (["file:", "data:", "blob:", "about:"].includes(protocol)) return true;
  return hostname === "127.0.0.1";
}

/**
 * Waits until React has hydrated the server-rendered markup: before that, clicks follow plain links
 * instead of Redoc's router. The search box opening on click is the sign that the page responds.
 */
async function waitUntilInteractive(target: Page, timeoutMs = 10_000): Promise<void> {
  const dialog = target.getByTestId("search-dialog");
  for (const deadline = Date.now() + timeoutMs; !(await dialog.isVisible()); ) {
    if (Date.now() > deadline) throw new Error(`the docs page did not become interactive within ${timeoutMs / 1000} s`);
    await target.getByTestId("search-trigger").click();
    await target.waitForTimeout(100);
  }
  await target.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
}

describe("static documentation page", () => {
  const doc = readBundledDocument();
  const operations = documentedOperations(doc);
  const requested: string[] = [];
  const refused: string[] = [];
  let workDir: string;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), "docs-page-"));
    const html = join(workDir, "index.html");
    [browser] = await Promise.all([launchChromium(), buildDocs(undefined, html)]);
    const { context } = browser;
    context.on("request", (request) => requested.push(request.url()));
    // Refuse anything non-local at the context, so a stray fetch fails fast and is listed.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      refused.push(url);
      return route.abort("blockedbyclient");
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Fail a missing element in seconds, with its locator, well before the test's own timeout.
    page.setDefaultTimeout(5_000);
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(pathToFileURL(html).href);
    await waitUntilInteractive(page);
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  function menuLink(text: string): Locator {
    return page.locator('[data-component-name="Menu/MenuItem"] > a').filter({ has: page.locator(`[data-text="${text}"]`) });
  }

  function operationSection(summary: string): Locator {
    // Not getByRole: the heading's accessible name also holds its deep-link's "link to ..." label.
    const heading = page.locator("h2").filter({ hasText: new RegExp(`^${summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
    return page.locator('[data-item-kind="httpItem"]').filter({ has: heading });
  }

  async function openFromSidebar(op: DocumentedOperation): Promise<Locator> {
    const link = menuLink(op.summary);
    if (!(await link.isVisible())) await menuLink(op.tag).click();
    await expect.poll(async () => (await link.textContent())?.toLowerCase()).toContain(op.method);
    await link.click();
    const section = operationSection(op.summary);
    await section.waitFor();
    return section;
  }

  it("reads every operation of the reference pages, each under a tag the document declares", () => {
    expect(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort()).toEqual(pageOperationKeys());
    const declared = ((doc.tags ?? []) as JsonObject[]).map((tag) => tag.name);
    expect(operations.filter((op) => !declared.includes(op.tag))).toEqual([]);
  });

  it("shows every operation with its summary, method, path and parameters", async () => {
    for (const op of operations) {
      const section = await openFromSidebar(op);
      const request = section.getByTestId("right-panel").locator('[data-component-name="Dropdown/Dropdown"] > button').first();
      const requestLine = (await request.textContent()) ?? "";
      expect(requestLine, op.operationId).toContain(op.path);
      expect(requestLine.toUpperCase(), op.operationId).toContain(op.method.toUpperCase());
      const middle = section.getByTestId("middle-panel");
      for (const name of op.parameters) {
        await expect.poll(() => middle.getByText(name, { exact: true }).count(), { message: `${op.operationId} parameter ${name}` }).toBeGreaterThan(0);
      }
    }
  });

  it("shows the response fields of getOrganizationSettings with their limits", async () => {
    const op = operations.find((o) => o.operationId === "getOrganizationSettings");
    expect(op, "getOrganizationSettings in the document").toBeDefined();
    const response = listOperations(doc).find((o) => o.operationId === op!.operationId)!.responses.find((r) => r.code.startsWith("2"))!;
    const schemaPointer = response.contents[0]?.schemaPointer;
    expect(schemaPointer, "a 2xx response schema").toBeDefined();
    const schema = resolveObject(doc, { $ref: schemaPointer! }, schemaPointer!).value;
    const properties = Object.entries(isObject(schema.properties) ? schema.properties : {});
    expect(properties.map(([name]) => name)).toContain("maxServiceAccountSecretValidityInHours");

    const section = await openFromSidebar(op!);
    let limitsChecked = 0;
    for (const [name, raw] of properties) {
      const field = section.getByText(name, { exact: true }).first();
      await expect.poll(() => field.isVisible(), { message: `response field ${name}` }).toBe(true);
      const range = redocRange(resolveObject(doc, raw, `${schemaPointer}/properties/${name}`).value);
      if (range === undefined) continue;
      // The type line (<em>) beside the name carries the limits, e.g. "integer, (int32), [ 8 .. 8760 ]".
      const typeLine = await field.locator("xpath=ancestor::div[1]//em").first().textContent();
      expect(typeLine, `limits of ${name}`).toContain(range);
      limitsChecked++;
    }
    expect(limitsChecked, "fields with limits checked").toBeGreaterThan(0);
  });

  /** The request panel's language menu button: Redoc 3 lists x-codeSamples there (its tabs), with Payload. */
  function sampleMenuButton(section: Locator): Locator {
    const names = [...Object.values(SAMPLE_LABELS), "Payload"].map((l) => l.replace(/[()]/g, "\\$&"));
    return section.locator('[data-component-name="Dropdown/Dropdown"] > button').filter({ hasText: new RegExp(`^(${names.join("|")})$`) });
  }

  /** The open sample menu (other dropdown menus stay in the DOM, hidden). */
  function openSampleMenu(): Locator {
    return page
      .locator('[data-component-name="Dropdown/DropdownMenu"]')
      .filter({ visible: true })
      .filter({ has: page.getByRole("menuitem").filter({ hasText: SAMPLE_LABELS.typescript }) });
  }

  it("offers the three code samples of every operation, the TypeScript one calling createAtlasClient", async () => {
    const labels = Object.values(SAMPLE_LABELS);
    for (const op of operations) {
      const button = sampleMenuButton(await openFromSidebar(op));
      await button.click();
      const menu = openSampleMenu();
      await menu.waitFor();
      const entries = (await menu.locator('[role="menuitem"]').allTextContents()).map((t) => t.trim());
      expect(entries, `${op.operationId}: sample menu`).toEqual(expect.arrayContaining(labels));
      await menu.locator('[role="menuitem"]').filter({ hasText: SAMPLE_LABELS.typescript }).click();
      const code = button.locator('xpath=ancestor::*[@data-component-name="Panel/Panel"][1]').getByTestId("source-code");
      await expect.poll(() => code.textContent(), { message: `${op.operationId}: TypeScript sample` }).toContain("createAtlasClient");
      expect(await code.textContent(), op.operationId).toContain(`atlas.${op.method.toUpperCase()}("${op.path}"`);
    }
  });

  it('finds "Online Archive" with the search and opens the operation', async () => {
    const archive = operations.find((o) => o.tag === "Online Archive");
    expect(archive, "an operation tagged Online Archive").toBeDefined();
    await page.getByTestId("search-trigger").click();
    await page.getByTestId("search-dialog").locator("input").fill("Online Archive");
    const hit = page.locator('[data-component-name="Search/SearchItem"]').filter({ hasText: archive!.summary });
    await hit.first().waitFor();
    expect(await hit.first().textContent()).toContain(archive!.path);
    await hit.first().click();
    await operationSection(archive!.summary).waitFor();
    await expect.poll(() => page.getByTestId("search-dialog").count()).toBe(0);
  });

  it("saves a full-page overview and an operation screenshot under test-results/", async () => {
    await mkdir(RESULTS, { recursive: true });
    // Redoc renders sections with content-visibility: auto, so a plain full-page capture leaves the
    // lower tags blank; a viewport as tall as the page (grown until it stops growing) renders them all.
    const overview = await browser.context.newPage();
    await overview.goto(page.url().replace(/#.*$/, ""));
    await waitUntilInteractive(overview);
    let height = 0;
    for (let i = 0; i < 5; i++) {
      const next = await overview.evaluate(() => document.documentElement.scrollHeight);
      if (next === height) break;
      height = next;
      await overview.setViewportSize({ width: 1280, height });
      await overview.waitForTimeout(200);
    }
    for (const op of operations) await expect.poll(() => overview.getByText(op.path, { exact: true }).count(), { message: op.path }).toBeGreaterThan(0);
    await overview.screenshot({ path: join(RESULTS, "docs.png"), fullPage: true });
    await overview.close();

    const settings = operations.find((o) => o.operationId === "getOrganizationSettings")!;
    const responses = (await openFromSidebar(settings)).getByRole("heading", { level: 4 }).filter({ hasText: /^Responses$/ });
    await responses.evaluate((heading) => heading.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(RESULTS, "docs-operation.png") });

    // createProject: its TypeScript sample, with the sample menu open above it.
    const project = operations.find((o) => o.operationId === "createProject")!;
    const button = sampleMenuButton(await openFromSidebar(project));
    await button.evaluate((element) => element.scrollIntoView({ block: "center" }));
    await button.click();
    await openSampleMenu().waitFor();
    await page.screenshot({ path: join(RESULTS, "docs-samples.png") });
    await page.keyboard.press("Escape");
  });

  it("loads nothing from outside file:// or 127.0.0.1", () => {
    const outside = [...new Set([...requested.filter((url) => !isLocal(url)), ...refused])];
    expect(outside, `requests outside the page:\n${outside.join("\n")}`).toEqual([]);
    expect(requested.some((url) => url.startsWith("file:"))).toBe(true);
  });
});
