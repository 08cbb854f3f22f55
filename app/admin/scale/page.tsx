import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { AdminHeader, AdminOnly } from "@/components/admin/admin-chrome";
import { ScaleEditor } from "@/components/admin/scale-editor";
import { adminPageViewer } from "@/server/admin";
import { listRatings } from "@/server/ratings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rating scale" };

export default async function ScalePage() {
  const { viewer, allowed } = await adminPageViewer("/admin/scale", "scale:manage");
  if (!allowed) return <AdminOnly message="Only admins can edit the rating scale" name={viewer.name} role={viewer.role} />;
  return (
    <div className="space-y-8">
      <AdminHeader current="scale" title="Rating scale">
        The verdicts fact-checkers choose from and readers see as badges, in order. A verdict’s key never changes, and a verdict in use cannot be deleted: relabel it instead. Value orders verdicts numerically (higher = more accurate) for ClaimReview.
      </AdminHeader>
      <ScaleEditor initial={await listRatings(getDb(), viewer)} />
    </div>
  );
}
