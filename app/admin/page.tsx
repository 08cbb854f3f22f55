import { redirect } from "next/navigation";

/** /admin has no page of its own: users first. */
export default function AdminIndex() {
  redirect("/admin/users");
}
