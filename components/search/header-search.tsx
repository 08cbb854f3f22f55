"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { searchSuggestQuery } from "@/lib/queries";
import { RESULT_TYPE_LABELS, resultHref, type SearchResultDTO } from "@/lib/search-query";
import { Highlighted, TypeBadge } from "./highlighted";

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function label(result: SearchResultDTO) {
  if (result.type === "claim") return result.matchedIn === "text" ? result.snippet : [{ text: result.claim.text, match: false }];
  if (result.type === "source") return result.title;
  return result.name;
}

/**
 * The header's search box. Without JavaScript it is a GET form to /search. With it, a combobox:
 * the top six results appear as you type (debounced), arrow keys move through them, Enter on
 * one opens it, Enter otherwise goes to the full results page, Escape closes the list.
 */
export function HeaderSearch() {
  const id = useId();
  const router = useRouter();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(q, 250);
  const query = useQuery(searchSuggestQuery(debounced));
  const items = q.trim().length > 1 ? (query.data?.items ?? []) : [];
  const visible = open && q.trim().length > 1 && (items.length > 0 || query.isFetched);
  const listId = `${id}-results`;

  function go(result: SearchResultDTO) {
    setOpen(false);
    router.push(resultHref(result));
  }

  return (
    <form
      role="search"
      aria-label="Site search"
      action="/search"
      method="get"
      className="relative w-full sm:w-64"
      onSubmit={(e) => {
        const chosen = visible ? items[active] : undefined;
        if (chosen) {
          e.preventDefault();
          go(chosen);
        } else setOpen(false);
      }}
    >
      <label htmlFor={`${id}-q`} className="sr-only">
        Search claims, sources and speakers
      </label>
      <div className="flex">
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          role="combobox"
          aria-expanded={visible}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={visible && active >= 0 ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          placeholder="Search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, items.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, -1));
            } else if (e.key === "Escape") {
              setOpen(false);
              setActive(-1);
            }
          }}
          className="min-w-0 flex-1 rounded-l border border-r-0 border-rule bg-white px-2 py-1.5 text-sm"
        />
        <button type="submit" className="rounded-r border border-ink bg-ink px-3 py-1.5 text-sm font-semibold text-white">
          Search
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Search suggestions"
        hidden={!visible}
        className="absolute right-0 z-30 mt-1 max-h-96 w-full min-w-72 overflow-auto rounded border border-rule bg-white py-1 shadow-lg sm:w-96"
      >
        {items.map((result, i) => (
          <li
            key={`${result.type}:${result.id}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              go(result);
            }}
            onMouseEnter={() => setActive(i)}
            className={`flex cursor-pointer items-start gap-2 px-3 py-2 text-sm ${i === active ? "bg-blue-50" : ""}`}
          >
            <TypeBadge type={result.type} label={RESULT_TYPE_LABELS[result.type]} />
            <span className="line-clamp-2">
              <Highlighted segments={label(result)} />
            </span>
          </li>
        ))}
        {visible && items.length === 0 ? <li className="px-3 py-2 text-sm text-muted">No matches yet — press Enter to search.</li> : null}
        {visible && items.length > 0 ? <li className="border-t border-rule px-3 py-1.5 text-xs text-muted">Enter: all results for “{q.trim()}”</li> : null}
      </ul>
    </form>
  );
}
