import { type SelectHTMLAttributes, useId } from "react";

export interface FilterOption {
  value: string | number;
  label: string;
}

/**
 * A labelled <select> for a GET filter form (works without JavaScript): an "any" choice with an
 * empty value, then the options. Extra select attributes (aria-describedby, onChange for a
 * client-side board) pass through.
 */
export function FilterSelect({
  label,
  anyLabel,
  options,
  className = "mt-1 block rounded border border-rule bg-white px-2 py-1.5",
  ...select
}: { label: string; anyLabel?: string; options: FilterOption[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className="flex flex-col text-sm font-medium">
      <label htmlFor={id}>{label}</label>
      <select id={id} className={className} {...select}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
