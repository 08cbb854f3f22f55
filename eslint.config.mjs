import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** The synchronous better-sqlite3 surface: SQLite-only, so banned everywhere above db/. */
const syncDatabaseCalls = [
  {
    selector: "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(all|get|run)$/]",
    message: "Await the query builder instead: .all()/.get()/.run() exist on SQLite only (db/ is the one place that names an engine).",
  },
  {
    selector: "MemberExpression > Identifier.property[name='$client']",
    message: "The driver connection belongs to db/: use the builders, or rows()/execute() from @/db/sql.",
  },
  {
    selector: "CallExpression > MemberExpression.callee > Identifier.property[name='transaction']",
    message: "Use withTx(db, async (tx) => …) from @/db/tx: one transaction path for both engines.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Async code that forgets an await: a write that runs after its transaction, an error nobody sees.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  {
    files: ["app/**", "components/**", "server/**", "lib/**", "scripts/**", "bench/**", "tests/**", "e2e/**"],
    rules: { "no-restricted-syntax": ["error", ...syncDatabaseCalls] },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "data/**", "test-results/**", "playwright-report/**", "*.mjs", "*.config.ts", "*.config.mts"]),
]);
