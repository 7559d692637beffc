import { describe, expect, it } from "vitest";
import { STARTUP_HEADING, startupReport } from "../startup-report";

describe("startupReport", () => {
  it("prints the heading, the headline and one line per row", async () => {
    const report = await startupReport({});
    expect(report.level).toBe("log");
    expect(report.text.split("\n")[0]).toBe(`${STARTUP_HEADING}: Ready to share`);
    expect(report.text).toMatch(/^✓ Access gate\s+Open; demo runs cost nothing\.$/m);
  });

  it("turns an invalid environment into a red line with zod's message instead of throwing", async () => {
    const report = await startupReport({
      FAL_KEY: "canary-setup-key-91f3",
      SESSION_SECRET: "too-short",
    });
    expect(report.level).toBe("error");
    expect(report.text).toMatch(/^✗ Invalid environment: SESSION_SECRET must be at least 32/m);
    expect(report.text).not.toContain("canary-setup-key-91f3");
    expect(report.text).not.toContain("too-short");
  });

  it("prints errors when live runs are refused", async () => {
    const report = await startupReport({ FAL_KEY: "canary-setup-key-91f3" });
    expect(report.level).toBe("error");
    expect(report.text).not.toContain("canary-setup-key-91f3");
  });
});
