/**
 * Sentence ranges of a text in code points, for keyboard selection in the annotator: a sentence
 * ends at . ! ? (with any closing quotes or brackets) followed by a space, or at a line break.
 * Leading and trailing spaces are left out of each range.
 */
export function sentenceRanges(text: string): { start: number; end: number }[] {
  const cps = [...text];
  const ranges: { start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(cps[s]!)) s++;
    while (e > s && /\s/.test(cps[e - 1]!)) e--;
    if (e > s) ranges.push({ start: s, end: e });
  };
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (c === "\n") {
      push(i);
      start = i + 1;
    } else if (c === "." || c === "!" || c === "?") {
      let j = i + 1;
      while (j < cps.length && /["”’)\]]/.test(cps[j]!)) j++;
      if (j >= cps.length || /\s/.test(cps[j]!)) {
        push(j);
        start = j;
        i = j - 1;
      }
    }
  }
  push(cps.length);
  return ranges;
}
