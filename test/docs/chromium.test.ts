import { describe, expect, it } from "vitest";
import { findChromium } from "./chromium.js";

describe("findChromium", () => {
  it("uses CHROMIUM_PATH when it exists", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath }, "/nonexistent/chromium")).toBe(process.execPath);
  });

  it("fails with a one-line install hint when the default browser is missing", () => {
    expect(() => findChromium({}, "/nonexistent/chromium")).toThrowError(
      /^No browser at \/nonexistent\/chromium: install it with `apt-get install -y chromium`, or set CHROMIUM_PATH[^\n]*$/,
    );
  });

  it("names a CHROMIUM_PATH that does not exist", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/nonexistent/chrome" })).toThrowError(/^CHROMIUM_PATH=\/nonexistent\/chrome does not exist: [^\n]*apt-get install -y chromium/);
  });
});
