/** The scale benchmark's reading of the one-process build's stage log (BUILD_TIMINGS=1). */
import { describe, expect, it } from "vitest";
import { parseBuildStages } from "../../bench/scale.js";

describe("parseBuildStages", () => {
  it("reads each stage's time and start, and the peak memory", () => {
    const output = [
      "> atlas-admin-openapi@1.0.0 build",
      "bundle: 10.26 s (at 0.42 s)",
      "redocly lint: 24.66 s (at 0.01 s) (0 problems)",
      "openapi 3.0 companion: 2.07 s (at 45.85 s) (unchanged)",
      "dist/lib: 0.09 s (at 48.00 s) (dist/lib)",
      "build: 48.09 s in one process (peak RSS 1.61 GB)",
    ].join("\n");
    const parsed = parseBuildStages(output);
    expect(parsed?.peakRss).toBe("1.61 GB");
    expect([...parsed!.stages.keys()]).toEqual(["bundle", "redocly lint", "openapi 3.0 companion", "dist/lib"]);
    expect(parsed!.stages.get("redocly lint")).toEqual({ ms: 24660, atMs: 10 });
    expect(parsed!.stages.get("dist/lib")).toEqual({ ms: 90, atMs: 48000 });
  });

  it("finds nothing in a build log without BUILD_TIMINGS", () => {
    expect(parseBuildStages("redocly lint: 1.43 s (0 problems)\nbuild: 14.34 s in one process")).toBeUndefined();
  });
});
