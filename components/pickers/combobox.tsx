"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";

export interface ComboOption<T> {
  key: string;
  value: T;
  label: ReactNode;
  /** Text read for the option (defaults to its key). */
  text?: string;
}

/**
 * An accessible autocomplete (WAI-ARIA combobox with a listbox popup): type to filter, arrow
 * keys to move, Enter to choose, Escape to close. The options come from the caller (usually a
 * TanStack query on what was typed).
 */
export function Combobox<T>({
  label,
  query,
  onQueryChange,
  options,
  onSelect,
  placeholder,
  loading = false,
  hint,
  autoFocus = false,
  busy = false,
}: {
  label: string;
  query: string;
  onQueryChange: (q: string) => void;
  options: ComboOption<T>[];
  onSelect: (value: T) => void;
  placeholder?: string;
  loading?: boolean;
  hint?: ReactNode;
  autoFocus?: boolean;
  /** The options for what was typed are still on their way: Enter waits for them. */
  busy?: boolean;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${id}-list`;
  const visible = open && query.trim().length > 0;
  /** Enter was pressed while the options were on their way. */
  const waiting = useRef(false);
  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    onSelect(option.value);
    setOpen(false);
  };
  // Enter pressed before the answer came: choose once it is here (the best option is first).
  useEffect(() => {
    if (!waiting.current || busy) return;
    waiting.current = false;
    const option = options[0];
    if (option) onSelect(option.value);
  }, [busy, options, onSelect]);
  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={visible}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={visible && options[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        value={query}
        placeholder={placeholder}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
          setActive(0);
          waiting.current = false;
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, options.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && busy && query.trim()) {
            e.preventDefault();
            waiting.current = true;
          } else if (e.key === "Enter" && visible && options.length > 0) {
            e.preventDefault();
            choose(active);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5"
      />
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
      {visible ? (
        <ul id={listId} role="listbox" aria-label={label} className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-rule bg-white shadow-lg">
          {(loading || busy) && options.length === 0 ? <li className="px-3 py-2 text-sm text-muted">Searching…</li> : null}
          {options.map((option, i) => (
            <li
              key={option.key}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
              onMouseEnter={() => setActive(i)}
              className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-blue-50" : ""}`}
            >
              {option.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
