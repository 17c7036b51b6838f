// Each request's test script, after `const expected = {status, contentType, schema, unicodePatterns}`
// (scripts/postman/collection.ts writes that line from the document).
pm.test(`status is ${expected.status}`, () => pm.response.to.have.status(expected.status));
if (expected.schema) {
  // Each test checks the status too: an error body (a 401's ApiError) may well satisfy a schema without required properties.
  pm.test(`Content-Type is ${expected.contentType}`, () => {
    pm.response.to.have.status(expected.status);
    pm.expect(pm.response.headers.get("Content-Type") || "").to.include(expected.contentType);
  });
  pm.test(`body matches the operation's ${expected.status} response schema`, () => {
    pm.response.to.have.status(expected.status);
    // Postman's ajv (draft-07) does not know OpenAPI's int32/int64 formats; siblings of $ref apply as in 2020-12.
    pm.response.to.have.jsonSchema(expected.schema, { unknownFormats: "ignore", extendRefs: true });
    const valuesAt = (value, path) =>
      path.length === 0 ? [value] : value === null || typeof value !== "object" ? [] : path[0] === "*" ? (Array.isArray(value) ? value.flatMap((v) => valuesAt(v, path.slice(1))) : []) : valuesAt(value[path[0]], path.slice(1));
    for (const { path, pattern } of expected.unicodePatterns) {
      for (const value of valuesAt(pm.response.json(), path)) {
        if (typeof value === "string") pm.expect(new RegExp(pattern, "u").test(value), `${path.join(".")} "${value}" matches ${pattern}`).to.equal(true);
      }
    }
  });
}
