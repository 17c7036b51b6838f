/**
 * Response headers in generated/atlas.d.ts are optional exactly where the document does not mark them
 * required (RateLimit-* "may be absent"), also when the response names the header by $ref, which
 * openapi-typescript on its own always types as required.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { readBundledDocument, resolveObject } from "../support/bundled-document.js";

const doc = readBundledDocument();
const types = readFileSync(new URL("../../generated/atlas.d.ts", import.meta.url), "utf8");

/** Every response header of the document: name -> whether it is required. */
function documentHeaders(): Map<string, boolean> {
  const headers = new Map<string, boolean>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const node = value as Record<string, unknown>;
    if (typeof node.headers === "object" && node.headers !== null && "description" in node) {
      for (const [name, header] of Object.entries(node.headers as Record<string, never>)) {
        const required = resolveObject(doc, header, "").value.required === true;
        expect(headers.get(name) ?? required, `${name} is required in one response and not in another`).toBe(required);
        headers.set(name, required);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(doc);
  return headers;
}

test("each response header is typed optional unless the document requires it", () => {
  const headers = documentHeaders();
  expect([...headers.values()], "the document declares both required and optional response headers").toEqual(expect.arrayContaining([true, false]));
  for (const [name, required] of headers) {
    const escaped = name.replace(/[-]/g, "\\-");
    expect(types, `${name}: typed as ${required ? "required" : "optional"}`).toMatch(new RegExp(`"${escaped}"${required ? "" : "\\?"}: `));
    expect(types, `${name}: never typed the other way`).not.toMatch(new RegExp(`"${escaped}"${required ? "\\?" : ""}: `));
  }
});
