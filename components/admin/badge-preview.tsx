"use client";

import { formatRatio, HEX_COLOUR, MIN_TEXT_CONTRAST, whiteTextContrast } from "@/lib/contrast";
import type { A11y } from "@/components/form-bits";

/** The verdict badge as readers will see it (components/verdict-badge.tsx), from a draft. */
export function BadgePreview({ label, colour, description }: { label: string; colour: string; description?: string }) {
  const valid = HEX_COLOUR.test(colour);
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ${valid ? "text-white" : "border border-dashed border-red-600 text-red-800"}`}
      style={valid ? { backgroundColor: colour } : undefined}
      title={description}
    >
      {label.trim() || "No label"}
    </span>
  );
}

/** White-text contrast of a colour, as a ratio and a pass or fail against WCAG AA (4.5:1). */
export function ContrastNote({ colour, id }: { colour: string; id?: string }) {
  if (!HEX_COLOUR.test(colour)) {
    return (
      <span id={id} className="text-xs text-red-800">
        Write the colour as #rrggbb
      </span>
    );
  }
  const ratio = whiteTextContrast(colour);
  const ok = ratio >= MIN_TEXT_CONTRAST;
  return (
    <span id={id} className={`text-xs ${ok ? "text-muted" : "font-semibold text-red-800"}`}>
      {ok ? `✓ ${formatRatio(ratio)} with white text` : `✗ ${formatRatio(ratio)}: too light for white text (needs ${MIN_TEXT_CONTRAST}:1)`}
    </span>
  );
}

/** A colour picker beside the #rrggbb it stands for; either can be edited. */
export function ColourInput({ value, onChange, label, a11y, form }: { value: string; onChange: (hex: string) => void; label: string; a11y?: A11y; form?: string }) {
  const valid = HEX_COLOUR.test(value);
  return (
    <span className="flex items-center gap-1.5">
      <input
        type="color"
        form={form}
        aria-label={`${label}: picker`}
        value={valid ? value.toLowerCase() : "#000000"}
        onChange={(e) => onChange(e.target.value)}
        className="h-8 w-9 shrink-0 cursor-pointer rounded border border-rule bg-white p-0.5"
      />
      <input
        {...a11y}
        aria-label={a11y ? undefined : label}
        form={form}
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        spellCheck={false}
        maxLength={7}
        className="w-[6.5rem] rounded border border-rule bg-white px-2 py-1 font-mono text-sm aria-invalid:border-red-600"
      />
    </span>
  );
}
