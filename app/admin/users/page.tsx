import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { AdminHeader, AdminOnly } from "@/components/admin/admin-chrome";
import { NewUserForm } from "@/components/admin/new-user-form";
import { UserTable } from "@/components/admin/user-table";
import { adminPageViewer } from "@/server/admin";
import { listUsers } from "@/server/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { viewer, allowed } = await adminPageViewer("/admin/users", "users:manage");
  if (!allowed) return <AdminOnly message="Only admins can manage users" name={viewer.name} role={viewer.role} />;
  const users = await listUsers(getDb());
  return (
    <div className="space-y-8">
      <AdminHeader current="users" title="Users">
        Fact-checkers add and annotate sources and propose verdicts; editors also approve verdicts and merge speakers; admins also manage users and the rating scale. A deactivated user cannot sign in and their API tokens stop working; their work stays.
      </AdminHeader>
      <UserTable initialUsers={users} selfId={viewer.id} />
      <NewUserForm />
    </div>
  );
}
