import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { AdminHeader, AdminOnly } from "@/components/admin/admin-chrome";
import { ImportPanel } from "@/components/admin/import-panel";
import { adminPageViewer } from "@/server/admin";
import { listImports } from "@/server/importers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  const { viewer, allowed } = await adminPageViewer("/admin/imports", "imports:run");
  if (!allowed) return <AdminOnly message="Only editors and admins can import" name={viewer.name} role={viewer.role} />;
  return (
    <div className="space-y-8">
      <AdminHeader current="imports" title="Imports">
        Bring in published fact checks (ClaimReview JSON-LD or a page carrying it), annotations (W3C Web Annotation), a spreadsheet of claims (CSV) or the LIAR dataset (TSV). Preview first: a dry run shows what would be created, updated and refused, and writes nothing. An import can be undone as a whole.
      </AdminHeader>
      <ImportPanel initial={await listImports(getDb(), 20)} />
    </div>
  );
}
