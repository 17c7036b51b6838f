import { configDefaults, defineConfig } from "vitest/config";

// Two projects so that only the contract tests pay for starting Prism:
//  - "contract": test/contract/** and the generator matrix (test/downstream/matrix.test.ts), against the
//    live Prism mocks (3.1 bundle and 3.0 companion) started by test/setup/prism.ts;
//  - "unit": every other test file.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, "test/contract/**", "test/downstream/matrix.test.ts"] },
      },
      {
        extends: true,
        test: { name: "contract", include: ["test/contract/**/*.test.ts", "test/downstream/matrix.test.ts"], globalSetup: ["test/setup/prism.ts"] },
      },
    ],
  },
});
