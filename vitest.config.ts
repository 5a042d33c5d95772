import { defineConfig } from "vitest/config";

export default defineConfig({
  define: { __SAMUDRA_VERSION__: JSON.stringify(process.env.npm_package_version ?? "0.0.0-test") },
  test: {
    include: ["test/**/*.test.ts"],
    // environment preparation (the .venv-nc NetCDF readers, the npm-provided Chromium) runs once, before the
    // tests and outside every test timeout
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-report.json" },
  },
});
