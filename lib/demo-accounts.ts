/**
 * The demo data's accounts. Their passwords are printed in the README, so they are accepted only
 * in demo mode (server/demo-mode.ts): a production database that was never seeded with demo data
 * refuses them even if someone created such an account by hand. Pure data.
 */
import type { Role } from "./model";

export const DEMO_ACCOUNTS = [
  { role: "factchecker", email: "factchecker@counterpoint.test", name: "Fatima Checker", password: "demo-factchecker" },
  { role: "editor", email: "editor@counterpoint.test", name: "Eduardo Editor", password: "demo-editor-pass" },
  { role: "admin", email: "admin@counterpoint.test", name: "Ada Admin", password: "demo-admin-pass" },
] as const satisfies readonly { role: Role; email: string; name: string; password: string }[];

export const DEMO_PASSWORDS: ReadonlySet<string> = new Set(DEMO_ACCOUNTS.map((a) => a.password));
