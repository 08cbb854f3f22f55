"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, useSyncExternalStore } from "react";
import type { FacetDTO } from "@/lib/dto";
import { speakerSearchQuery, storySearchQuery } from "@/lib/queries";
import { Combobox, type ComboOption } from "./pickers/combobox";

type Choice = { id: number; label: string };

/**
 * A story or speaker filter of a GET form, for lists of any length. Without JavaScript it is a
 * <select> of the most frequent choices (and the one chosen); with JavaScript, when there are
 * more, it becomes an autocomplete over all of them. The chosen id travels in a field named
 * `name` either way. `onValueChange` makes it drive a client-side list instead of the form.
 */
const noSubscription = () => () => {};

export function FacetPicker({
  label,
  name,
  anyLabel,
  facet,
  search,
  onValueChange,
  className = "mt-1 block rounded border border-rule bg-white px-2 py-1.5",
}: {
  label: string;
  name: string;
  anyLabel: string;
  facet: FacetDTO;
  search: "speakers" | "stories";
  onValueChange?: (value: string) => void;
  className?: string;
}) {
  const id = useId();
  // False on the server and in the first client render, true once hydrated: the page works as a
  // plain form without JavaScript, and becomes a combobox over the whole list with it.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [chosen, setChosen] = useState<Choice | null>(facet.selected);
  // The page's choice wins when it changes (navigation); between, the user's pick stands.
  const [shown, setShown] = useState(facet.selected);
  if (shown !== facet.selected) {
    setShown(facet.selected);
    setChosen(facet.selected);
  }
  const pick = (choice: Choice | null) => {
    setChosen(choice);
    onValueChange?.(choice ? String(choice.id) : "");
  };

  const options = facet.selected && !facet.options.some((o) => o.id === facet.selected!.id) ? [facet.selected, ...facet.options] : facet.options;
  if (!enhanced || !facet.more) {
    return (
      <div className="flex flex-col text-sm font-medium">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          name={name}
          className={className}
          {...(onValueChange ? { value: chosen ? String(chosen.id) : "", onChange: (e) => pick(options.find((o) => String(o.id) === e.target.value) ?? null) } : { defaultValue: chosen ? String(chosen.id) : "" })}
        >
          <option value="">{anyLabel}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="min-w-56 text-sm">
      <input type="hidden" name={name} value={chosen ? String(chosen.id) : ""} />
      {chosen ? (
        <div>
          <p className="font-medium">{label}</p>
          <div className="mt-1 flex items-center justify-between gap-2 rounded border border-rule bg-stone-50 px-2 py-1.5">
            <span data-testid={`facet-${name}`}>{chosen.label}</span>
            <button type="button" onClick={() => pick(null)} className="underline" aria-label={`${anyLabel} (clear ${label.toLowerCase()})`}>
              Clear
            </button>
          </div>
        </div>
      ) : (
        <FacetSearch label={label} anyLabel={anyLabel} search={search} top={options} onPick={pick} />
      )}
    </div>
  );
}

function FacetSearch({ label, anyLabel, search, top, onPick }: { label: string; anyLabel: string; search: "speakers" | "stories"; top: Choice[]; onPick: (c: Choice) => void }) {
  const [query, setQuery] = useState("");
  const speakers = useQuery({ ...speakerSearchQuery(query), enabled: search === "speakers" && query.trim().length > 0 });
  const stories = useQuery({ ...storySearchQuery(query), enabled: search === "stories" && query.trim().length > 0 });
  const found: Choice[] =
    search === "speakers" ? (speakers.data?.items ?? []).map((s) => ({ id: s.id, label: s.name })) : (stories.data?.items ?? []).map((s) => ({ id: s.id, label: s.title }));
  const typed = query.trim().toLowerCase();
  const shown = typed ? [...top.filter((o) => o.label.toLowerCase().includes(typed)), ...found].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i) : top;
  const options: ComboOption<Choice>[] = shown.map((o) => ({ key: String(o.id), value: o, label: o.label, text: o.label }));
  return (
    <Combobox
      label={label}
      query={query}
      onQueryChange={setQuery}
      options={options}
      loading={speakers.isFetching || stories.isFetching}
      placeholder={`${anyLabel}…`}
      onSelect={onPick}
    />
  );
}
