import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { HistoryView } from "@/components/history-list";
import { getHistoryDTO } from "@/server/history";
import { or404, pageId, param, requireStaff } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Speaker history" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every change to a speaker, newest first; `?version={eventId}` shows that version read-only above the list. Staff only. */
export default async function SpeakerHistoryPage(props: Props) {
  const id = pageId((await props.params).id);
  await requireStaff(`/speakers/${id}/history`);
  const raw = param((await props.searchParams).version);
  const history = await or404(() => getHistoryDTO(getDb(), "speaker", id, raw === undefined ? undefined : pageId(raw)));
  return <HistoryView history={history} version={history.version} />;
}
