/**
 * Every example in the bundled document validates against its schema: media type examples (request
 * examples must not show readOnly fields, response examples no writeOnly ones), parameter examples and
 * schema examples and defaults. A failure names the example's JSON pointer in generated/openapi.json.
 */
import { describe, expect, test } from "vitest";
import { listExamples } from "./support/document-examples.js";
import { describeErrors, DocumentValidator } from "./support/document-validator.js";

const validator = new DocumentValidator();
const sites = listExamples(validator.doc);

describe("examples in the document", () => {
  test("the document has examples to check", () => {
    expect(sites.length).toBeGreaterThan(0);
  });

  test.each(sites)("$pointer", ({ pointer, schemaPointer, view, value }) => {
    const errors = validator.errors(view, schemaPointer, value);
    expect(errors, `${pointer} does not match its schema ${schemaPointer} (${view} view): ${describeErrors(errors, "example")}`).toEqual([]);
  });
});
