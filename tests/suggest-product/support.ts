import { expect } from "vitest";
import { POST as createClaim } from "@/app/api/claims/route";
import { POST as suggestRoute } from "@/app/api/sources/[id]/suggestions/route";
import { POST as rejectRoute } from "@/app/api/sources/[id]/suggestions/rejections/route";
import { PATCH as patchSource } from "@/app/api/sources/[id]/route";
import { POST as createSource } from "@/app/api/sources/route";
import type { Db } from "@/db/client";
import type { SuggestionDTO, SuggestionsPageDTO } from "@/lib/dto";
import { num } from "../support/db";
import { call, type CallInit } from "../support/http";

export { rejectRoute, suggestRoute };

/** The suggestions API as a fact-checker (or `init.token`) calls it. */
export function apiFor(db: Db, token: string) {
  const as = (init: CallInit): CallInit => ({ token, ...init });
  return {
    suggest: (id: number, json: unknown = {}, init: CallInit = {}) => call(suggestRoute, `/api/sources/${id}/suggestions`, as({ method: "POST", params: { id: String(id) }, json, ...init })),
    /** The whole page, asserting success. */
    async page(id: number, json: { start?: number; end?: number } = {}): Promise<SuggestionsPageDTO> {
      const res = await this.suggest(id, json);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as SuggestionsPageDTO;
    },
    reject: (id: number, json: unknown, init: CallInit = {}) => call(rejectRoute, `/api/sources/${id}/suggestions/rejections`, as({ method: "POST", params: { id: String(id) }, json, ...init })),
    rejectSuggestion(id: number, s: SuggestionDTO) {
      return this.reject(id, { start: s.content.start, end: s.content.end, exact: s.content.text });
    },
    async createSource(title: string, text: string): Promise<number> {
      const res = await call(createSource, "/api/sources", as({ method: "POST", json: { title, text } }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    },
    async reviseText(id: number, text: string) {
      const version = await num(db, "SELECT version FROM sources WHERE id = ?", id);
      const res = await call(patchSource, `/api/sources/${id}`, as({ method: "PATCH", params: { id: String(id) }, json: { text, version } }));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
    async claimSpan(sourceId: number, speakerId: number, span: { start: number; end: number; exact: string }) {
      const res = await call(createClaim, "/api/claims", as({ method: "POST", json: { text: span.exact, speakerId, sourceId, anchor: span } }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
  };
}

/** The one suggestion whose content contains `needle`. */
export function withContent(items: SuggestionDTO[], needle: string): SuggestionDTO {
  const found = items.filter((s) => s.content.text.includes(needle));
  expect(found, `one suggestion containing ${needle} in ${JSON.stringify(items.map((s) => s.content.text))}`).toHaveLength(1);
  return found[0]!;
}

export const contents = (items: SuggestionDTO[]) => items.map((s) => s.content.text);
