import path from "node:path";

/** The demo accounts the seed creates (see README); e2e runs against a freshly seeded database. */
export const DEMO_USERS = [
  { role: "factchecker", email: "factchecker@counterpoint.test", password: "demo-factchecker", name: "Fatima Checker" },
  { role: "editor", email: "editor@counterpoint.test", password: "demo-editor-pass", name: "Eduardo Editor" },
  { role: "admin", email: "admin@counterpoint.test", password: "demo-admin-pass", name: "Ada Admin" },
] as const;

export type DemoRole = (typeof DEMO_USERS)[number]["role"];

export const storageStatePath = (role: DemoRole) => path.join(".e2e", `state-${role}.json`);

/** A name no other test (or run) uses, so tests can run in parallel on one database. */
export function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
