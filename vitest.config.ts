import { configDefaults, defineConfig } from "vitest/config";

// Three projects so that only the tests that need them pay for Prism and a browser:
//  - "contract": test/contract/** and the generator matrix (test/downstream/matrix.test.ts), against the
//    live Prism mocks (3.1 bundle and 3.0 companion) started by test/setup/prism.ts;
//  - "browser": the docs page in Chromium, found or installed by test/setup/chromium.ts;
//  - "unit": every other test file.
const BROWSER_TESTS = ["test/docs/docs-page.test.ts"];
const PRISM_TESTS = ["test/contract/**/*.test.ts", "test/downstream/matrix.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...PRISM_TESTS, ...BROWSER_TESTS] },
      },
      {
        extends: true,
        test: { name: "browser", include: BROWSER_TESTS, globalSetup: ["test/setup/chromium.ts"] },
      },
      {
        extends: true,
        test: { name: "contract", include: PRISM_TESTS, globalSetup: ["test/setup/prism.ts"] },
      },
    ],
  },
});
