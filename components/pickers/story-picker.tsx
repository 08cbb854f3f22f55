"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { storySearchQuery } from "@/lib/queries";
import { Combobox, type ComboOption } from "./combobox";

export type StoryChoice = { kind: "existing"; id: number; title: string } | { kind: "new"; title: string };

/** Picks a story by title or creates one inline. */
export function StoryPicker({ value, onChange }: { value: StoryChoice | null; onChange: (choice: StoryChoice | null) => void }) {
  const [query, setQuery] = useState("");
  /** After a choice the input is gone: the Change button takes the focus, so it stays in the form (Ctrl+Enter still saves). */
  const justChose = useRef(false);
  const focusIfChosen = (el: HTMLButtonElement | null) => {
    if (el && justChose.current) {
      justChose.current = false;
      el.focus();
    }
  };
  const search = useQuery(storySearchQuery(query));
  const found = search.data?.items ?? [];
  const options: ComboOption<StoryChoice>[] = found.map((s) => ({ key: `s${s.id}`, value: { kind: "existing", id: s.id, title: s.title }, label: s.title }));
  const typed = query.trim();
  if (typed && !found.some((s) => s.title.toLowerCase() === typed.toLowerCase())) {
    options.push({ key: "new", value: { kind: "new", title: typed }, label: <span>Create new story “{typed}”</span> });
  }
  if (value) {
    return (
      <div>
        <p className="text-sm font-medium">Story</p>
        <div className="mt-1 flex items-center justify-between gap-2 rounded border border-rule bg-stone-50 px-2 py-1.5">
          <span>
            {value.title}
            {value.kind === "new" ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs">new</span> : null}
          </span>
          <button ref={focusIfChosen} type="button" onClick={() => onChange(null)} className="text-sm underline" aria-label="Change story">
            Change
          </button>
        </div>
      </div>
    );
  }
  return (
    <Combobox
      label="Story (optional)"
      query={query}
      onQueryChange={setQuery}
      options={options}
      loading={search.isFetching}
      placeholder="Type a story title"
      busy={query.trim().length > 0 && (search.isFetching || (!search.data && !search.isError))}
      onSelect={(choice) => {
        justChose.current = true;
        onChange(choice);
        setQuery("");
      }}
    />
  );
}

export function storyFields(choice: StoryChoice | null): { storyId: number | null } | { story: { title: string } } {
  if (!choice) return { storyId: null };
  return choice.kind === "existing" ? { storyId: choice.id } : { story: { title: choice.title } };
}
