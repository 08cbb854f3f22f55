import "server-only";
import { can, type Permission, type UserViewer } from "./authz";
import { requireStaff } from "./pages";

/**
 * The viewer of an admin page and whether their role may use it. Anonymous visitors are sent
 * to sign in (and back); a signed-in user without the permission gets `allowed: false`, and
 * the page shows a 403-style explanation instead of its content.
 */
export async function adminPageViewer(path: string, permission: Extract<Permission, "users:manage" | "scale:manage" | "imports:run">): Promise<{ viewer: UserViewer; allowed: boolean }> {
  const viewer = await requireStaff(path);
  return { viewer, allowed: can(viewer, permission) };
}
