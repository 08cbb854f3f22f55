import { type FullConfig, request } from "@playwright/test";
import { DEMO_USERS, storageStatePath } from "./support/users";

/**
 * Signs each demo account in once, through better-auth's endpoint, and saves the session
 * cookie as storage state: tests start signed in without going through the form (and the
 * sign-in rate limit) every time. Runs after the webServer is up.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  for (const user of DEMO_USERS) {
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const response = await context.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password } });
    if (!response.ok()) throw new Error(`signing in ${user.email} failed: ${response.status()} ${await response.text()}`);
    await context.storageState({ path: storageStatePath(user.role) });
    await context.dispose();
  }
}
