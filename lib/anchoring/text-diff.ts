/**
 * A fast old→new alignment of two revisions of a text (code points), used to map each claim's
 * old position into the new text before any search.
 *
 * 1. The common prefix and suffix are matched character by character.
 * 2. The middle is cut into content-defined chunks (lines, sentences, and about every eighth
 *    word, chosen by a hash of the word so that the cuts do not shift with an insertion) and
 *    aligned with patience diff (B. Cohen): chunks that occur once on each side are matched
 *    along their longest increasing subsequence, recursively inside the gaps.
 * 3. Unmatched gaps keep their own common prefix and suffix.
 * O(n log n) in the number of chunks; no quadratic worst case.
 */

export type EqualRun = { oldStart: number; newStart: number; length: number };

export type MappedSpan = { start: number; end: number; clean: boolean };

const NEWLINE = 0x0a;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff01 || c === 0xff1f;

/** Chunk boundaries (exclusive ends) of cps[from, to). */
function chunkEnds(cps: Int32Array, from: number, to: number): number[] {
  const ends: number[] = [];
  let hash = 2166136261;
  for (let i = from; i < to; i++) {
    const c = cps[i]!;
    const cut = c === NEWLINE || isStop(c) || (isSpace(c) && (hash & 7) === 0 && i > from && !isSpace(cps[i - 1]!));
    if (isSpace(c) || c === NEWLINE) hash = 2166136261;
    else hash = Math.imul(hash ^ c, 16777619) >>> 0;
    if (cut) ends.push(i + 1);
  }
  if (ends[ends.length - 1] !== to && to > from) ends.push(to);
  return ends;
}

type Chunks = { ids: Int32Array; starts: Int32Array; ends: Int32Array };

/**
 * Interns chunks by content: equal chunks (of either text) get equal ids. Keys are a hash of the
 * code points; a hash hit is confirmed by comparing the code points, so a collision can never
 * pair unequal text.
 */
class ChunkInterner {
  private readonly byHash = new Map<number, { id: number; cps: Int32Array; start: number; end: number }[]>();
  private next = 0;

  get size(): number {
    return this.next;
  }

  id(cps: Int32Array, start: number, end: number): number {
    let h = 2166136261 ^ (end - start);
    for (let i = start; i < end; i++) h = Math.imul(h ^ cps[i]!, 16777619);
    const bucket = this.byHash.get(h);
    if (bucket) {
      for (const e of bucket) if (sameRange(e.cps, e.start, e.end, cps, start, end)) return e.id;
      bucket.push({ id: this.next, cps, start, end });
    } else this.byHash.set(h, [{ id: this.next, cps, start, end }]);
    return this.next++;
  }
}

function sameRange(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let i = 0; i < a1 - a0; i++) if (a[a0 + i] !== b[b0 + i]) return false;
  return true;
}

function chunk(cps: Int32Array, from: number, to: number, intern: ChunkInterner): Chunks {
  const ends = chunkEnds(cps, from, to);
  const ids = new Int32Array(ends.length);
  const starts = new Int32Array(ends.length);
  let s = from;
  ends.forEach((e, i) => {
    starts[i] = s;
    ids[i] = intern.id(cps, s, e);
    s = e;
  });
  return { ids, starts, ends: Int32Array.from(ends) };
}

/** Longest strictly increasing subsequence of `seq` (indices into it). */
function lis(seq: number[]): number[] {
  const tails: number[] = [];
  const back = new Int32Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = back[i]!) out.push(i);
  return out.reverse();
}

/** Patience alignment of two chunk-id sequences (ids < idCount): matched pairs [oldIdx, newIdx], in order. */
function patience(a: Int32Array, b: Int32Array, idCount: number): [number, number][] {
  const out: [number, number][] = [];
  // Per-id counts and last positions on each side; reset after each range.
  const na = new Int32Array(idCount);
  const nb = new Int32Array(idCount);
  const ia = new Int32Array(idCount);
  const ib = new Int32Array(idCount);
  // An explicit stack instead of recursion: deeply nested gaps must not overflow the call stack.
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (stack.length) {
    let [a0, a1, b0, b1] = stack.pop()!;
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) out.push([a0++, b0++]);
    while (a1 > a0 && b1 > b0 && a[a1 - 1] === b[b1 - 1]) out.push([--a1, --b1]);
    if (a0 === a1 || b0 === b1) continue;
    for (let i = a0; i < a1; i++) {
      na[a[i]!]!++;
      ia[a[i]!] = i;
    }
    for (let j = b0; j < b1; j++) {
      nb[b[j]!]!++;
      ib[b[j]!] = j;
    }
    const pairs: [number, number][] = [];
    for (let i = a0; i < a1; i++) {
      const id = a[i]!;
      if (na[id] === 1 && nb[id] === 1) pairs.push([i, ib[id]!]);
    }
    for (let i = a0; i < a1; i++) na[a[i]!] = 0;
    for (let j = b0; j < b1; j++) nb[b[j]!] = 0;
    if (!pairs.length) continue;
    let pa = a0;
    let pb = b0;
    for (const i of lis(pairs.map((p) => p[1]))) {
      const [ja, jb] = pairs[i]!;
      out.push([ja, jb]);
      if (pa < ja && pb < jb) stack.push([pa, ja, pb, jb]);
      pa = ja + 1;
      pb = jb + 1;
    }
    if (pa < a1 && pb < b1) stack.push([pa, a1, pb, b1]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

function commonPrefix(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number): number {
  let n = 0;
  while (a0 + n < a1 && b0 + n < b1 && a[a0 + n] === b[b0 + n]) n++;
  return n;
}

function commonSuffix(a: Int32Array, a0: number, a1: number, b: Int32Array, b0: number, b1: number): number {
  let n = 0;
  while (a1 - n > a0 && b1 - n > b0 && a[a1 - 1 - n] === b[b1 - 1 - n]) n++;
  return n;
}

/** Equal runs of old and new text, ordered and non-overlapping on both sides. */
export function diffCodePoints(a: Int32Array, b: Int32Array): EqualRun[] {
  const runs: EqualRun[] = [];
  const push = (oldStart: number, newStart: number, length: number) => {
    if (length <= 0) return;
    const last = runs[runs.length - 1];
    if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart) last.length += length;
    else runs.push({ oldStart, newStart, length });
  };
  const pre = commonPrefix(a, 0, a.length, b, 0, b.length);
  const suf = commonSuffix(a, pre, a.length, b, pre, b.length);
  push(0, 0, pre);
  const a1 = a.length - suf;
  const b1 = b.length - suf;
  if (pre < a1 && pre < b1) {
    const intern = new ChunkInterner();
    const ca = chunk(a, pre, a1, intern);
    const cb = chunk(b, pre, b1, intern);
    const pairs = patience(ca.ids, cb.ids, intern.size);
    // Between matched chunks, keep each gap's own common prefix and suffix.
    let oa = pre;
    let ob = pre;
    const gap = (ea: number, eb: number) => {
      const p = commonPrefix(a, oa, ea, b, ob, eb);
      const s = commonSuffix(a, oa + p, ea, b, ob + p, eb);
      push(oa, ob, p);
      push(ea - s, eb - s, s);
    };
    for (const [ia, ib] of pairs) {
      gap(ca.starts[ia]!, cb.starts[ib]!);
      push(ca.starts[ia]!, cb.starts[ib]!, ca.ends[ia]! - ca.starts[ia]!);
      oa = ca.ends[ia]!;
      ob = cb.ends[ib]!;
    }
    gap(a1, b1);
  }
  push(a1, b1, suf);
  return runs;
}

/** Maps old code-point positions into the new text through the equal runs of a diff. */
export class PositionMap {
  private readonly runs: EqualRun[];
  private readonly newLength: number;

  constructor(runs: EqualRun[], newLength: number) {
    this.runs = runs;
    this.newLength = newLength;
  }

  /** The new text's changed regions: the gaps between equal runs (inserted or rewritten text). */
  changedRegions(): { from: number; to: number }[] {
    const out: { from: number; to: number }[] = [];
    let at = 0;
    for (const run of this.runs) {
      if (run.newStart > at) out.push({ from: at, to: run.newStart });
      at = run.newStart + run.length;
    }
    if (at < this.newLength) out.push({ from: at, to: this.newLength });
    return out;
  }

  /** Index of the last run starting at or before old position x, or -1. */
  private runAt(x: number): number {
    let lo = 0;
    let hi = this.runs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runs[mid]!.oldStart <= x) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** New position of old position x: exact inside a run, proportional inside a changed gap. */
  mapPoint(x: number): number {
    const i = this.runAt(x);
    const run = this.runs[i];
    if (!run) {
      const next = this.runs[0];
      return next ? Math.min(x, next.newStart) : Math.min(x, this.newLength);
    }
    const off = x - run.oldStart;
    if (off < run.length) return run.newStart + off;
    const next = this.runs[i + 1];
    const gapNew = (next ? next.newStart : this.newLength) - (run.newStart + run.length);
    return run.newStart + run.length + Math.min(off - run.length, gapNew);
  }

  /** New span of old span [start, end): `clean` when it lies inside one equal run. */
  mapSpan(start: number, end: number): MappedSpan {
    const run = this.runs[this.runAt(start)];
    if (run && end <= run.oldStart + run.length) {
      const s = run.newStart + (start - run.oldStart);
      return { start: s, end: s + (end - start), clean: true };
    }
    const s = this.mapPoint(start);
    return { start: s, end: Math.max(s, this.mapPoint(end)), clean: false };
  }
}
