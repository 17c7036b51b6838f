import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { classifyChanges, hasBreakingChanges } from "../../scripts/diff/compare.js";

function fixture(name: string): Record<string, any> {
  return parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8"));
}

const requestSchema = "/paths/~1things/post/requestBody/content/application~1json/schema";

describe("classifyChanges", () => {
  it("classifies a new required request field and a removed request enum value as breaking", () => {
    const result = classifyChanges(fixture("before.yaml"), fixture("after-breaking.yaml"));
    const breaking = result.changes.breaking.map((change) => change.pointer);
    expect(breaking).toContain(`${requestSchema}/required/1`);
    expect(breaking).toContain(`${requestSchema}/properties/size/enum/2`);
    expect(hasBreakingChanges(result)).toBe(true);
  });

  it("names the operation and field in the breaking change's description", () => {
    const result = classifyChanges(fixture("before.yaml"), fixture("after-breaking.yaml"));
    const required = result.changes.breaking.find((change) => change.pointer === `${requestSchema}/required/1`);
    expect(required?.description).toMatch(/required status to `colour` in Request Body/);
  });

  it("classifies description edits as documentation-only, not breaking", () => {
    const result = classifyChanges(fixture("before.yaml"), fixture("after-description.yaml"));
    expect(result.changes.breaking).toEqual([]);
    expect(result.changes["non-breaking"]).toEqual([]);
    expect(result.changes.annotation.map((change) => change.pointer)).toEqual(
      expect.arrayContaining(["/paths/~1things/post/description", `${requestSchema}/properties/name/description`]),
    );
    expect(hasBreakingChanges(result)).toBe(false);
  });

  it("classifies a new optional request field and a new operation as non-breaking", () => {
    const before = fixture("before.yaml");
    const after = structuredClone(before);
    after.components.schemas.NewThing.properties.note = { type: "string" };
    after.paths["/things/{thingId}"].delete = {
      operationId: "deleteThing",
      parameters: after.paths["/things/{thingId}"].get.parameters,
      responses: { "204": { description: "Deleted" } },
    };
    const result = classifyChanges(before, after);
    expect(result.changes.breaking).toEqual([]);
    expect(result.changes["non-breaking"].map((change) => change.pointer)).toEqual(
      expect.arrayContaining([`${requestSchema}/properties/note`, "/paths/~1things~1{thingId}/delete"]),
    );
  });

  it("classifies readOnly added to a response field as an annotation, and to a request field as breaking", () => {
    // The shape of ApiError: an error response shared through components/responses, where api-smart-diff
    // on its own calls the new mark breaking.
    const before = fixture("before.yaml");
    before.components.schemas.Problem = { type: "object", required: ["code"], properties: { code: { type: "string" }, detail: { type: "string" } } };
    before.components.responses = { notFound: { description: "Not found", content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } } } };
    before.paths["/things/{thingId}"].get.responses["404"] = { $ref: "#/components/responses/notFound" };
    const after = structuredClone(before);
    after.components.schemas.Problem.properties.code.readOnly = true;
    after.components.schemas.Problem.properties.detail.readOnly = true;
    after.components.schemas.NewThing.properties.name.readOnly = true;
    const result = classifyChanges(before, after);
    const problem = "/paths/~1things~1{thingId}/get/responses/404/content/application~1json/schema/properties";
    expect(result.changes.annotation.map((change) => change.pointer)).toEqual(expect.arrayContaining([`${problem}/code/readOnly`, `${problem}/detail/readOnly`]));
    expect(result.changes.breaking.map((change) => change.pointer)).toEqual([`${requestSchema}/properties/name/readOnly`]);
  });

  it("classifies a removed operation as breaking", () => {
    const before = fixture("before.yaml");
    const after = structuredClone(before);
    delete after.paths["/things/{thingId}"];
    const result = classifyChanges(before, after);
    expect(result.changes.breaking.map((change) => change.description)).toContain("[Removed] operation GET /things/{thingId}");
  });

  it("classifies removing a named schema as breaking even when no operation used it", () => {
    const before = fixture("before.yaml");
    before.components.schemas.Unused = { type: "string" };
    const after = structuredClone(before);
    delete after.components.schemas.Unused;
    const result = classifyChanges(before, after);
    expect(result.changes.breaking.map((change) => change.pointer)).toEqual(["/components/schemas/Unused"]);
  });

  it("keeps component-level duplicates out of the verdict", () => {
    const result = classifyChanges(fixture("before.yaml"), fixture("after-breaking.yaml"));
    expect(result.components.length).toBeGreaterThan(0);
    expect(result.components.every((change) => change.pointer.startsWith("/components/"))).toBe(true);
    expect(Object.values(result.changes).flat().some((change) => change.pointer.startsWith("/components/schemas/NewThing/"))).toBe(false);
  });

  describe("path-parameter order", () => {
    const partsPath = "/things/{thingId}/parts/{partId}";

    it("classifies a path-parameter reorder as breaking, naming both orders", () => {
      const result = classifyChanges(fixture("parts-before.yaml"), fixture("parts-after-reorder.yaml"));
      expect(result.changes.breaking).toEqual([
        {
          kind: "breaking",
          action: "replace",
          pointer: "/paths/~1things~1{thingId}~1parts~1{partId}/delete/parameters",
          description: `[Reordered] path parameters of DELETE ${partsPath}: (thingId, partId) -> (partId, thingId); positional generators take them as arguments in this order`,
        },
      ]);
      expect(hasBreakingChanges(result)).toBe(true);
    });

    it("sees a reorder of path parameters inherited from the path item", () => {
      const before = fixture("parts-before.yaml");
      const operation = before.paths[partsPath].delete;
      before.paths[partsPath].parameters = operation.parameters.slice(0, 2);
      operation.parameters = operation.parameters.slice(2);
      const after = structuredClone(before);
      after.paths[partsPath].parameters.reverse();
      const result = classifyChanges(before, after);
      expect(result.changes.breaking.map((change) => change.description)).toEqual([expect.stringContaining("(thingId, partId) -> (partId, thingId)")]);
    });

    it("does not count moving a query parameter among the path parameters", () => {
      const before = fixture("parts-before.yaml");
      const after = structuredClone(before);
      after.paths[partsPath].delete.parameters.unshift(after.paths[partsPath].delete.parameters.pop());
      const result = classifyChanges(before, after);
      expect(result.changes.breaking).toEqual([]);
    });
  });
});
