import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // Components reach fal only through lib/fal: one module owns the client.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@fal-ai/client", message: "Import from @/lib/fal instead." }] },
      ],
    },
  },
  {
    files: ["lib/fal/**", "**/__tests__/**", "tests/**", "bench/**", "e2e/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
]);
