/**
 * Levenshtein distance (insertions, deletions and substitutions each cost 1) over code points.
 */

/**
 * Levenshtein distance of `a` and `b`, or `max + 1` as soon as it is known to exceed `max`.
 * Only the diagonal band |i − j| ≤ max is computed (Ukkonen 1985), so the cost is
 * O(min(|a|, |b|) · (2·max + 1)).
 */
export function boundedDistance(a: ArrayLike<number>, b: ArrayLike<number>, max: number): number {
  const n = a.length;
  const m = b.length;
  const cap = max + 1;
  if (Math.abs(n - m) > max) return cap;
  if (n === 0 || m === 0) return Math.max(n, m);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : cap;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[0] = i <= max ? i : cap;
    if (lo > 1) cur[lo - 1] = cap;
    let rowMin = lo === 1 ? cur[0]! : cap;
    const ai = a[i - 1];
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      const up = prev[j]! + 1;
      const left = cur[j - 1]! + 1;
      if (up < v) v = up;
      if (left < v) v = left;
      if (v > cap) v = cap;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = cap;
    if (rowMin > max) return cap;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m]!, cap);
}

/** Levenshtein distance of `a` and `b`. */
export function editDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

/** 1 − distance / longer length: 1 for equal sequences (two empty ones included), 0 for nothing shared. */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}
