/**
 * Python's sorted() on a list of floats, ported from CPython 3.11's list.sort() (timsort with the
 * powersort merge policy, Objects/listobject.c), comparison for comparison. Written here because
 * no library sorts the way CPython does: with a NaN among the values every comparison with it is
 * false, so where each value ends up (and so statistics.median) depends on the exact sequence of
 * `<` comparisons CPython makes. Equal values keep their order (0.0 and -0.0 compare equal).
 */

const MIN_GALLOP = 7;
const MAX_MINRUN = 64;

/** The values as sorted(values) orders them (floats compared with `<`, as unsafe_float_compare does). */
export function pySortFloats(values: ArrayLike<number>): Float64Array {
  const a = Float64Array.from(values);
  const n = a.length;
  if (n < 2) return a;
  const ms = new MergeState(a);
  const minrun = computeMinrun(n);
  let lo = 0;
  let remaining = n;
  do {
    let run = countRun(a, lo, lo + remaining);
    if (run < 0) {
      run = -run;
      reverse(a, lo, lo + run);
    }
    if (run < minrun) {
      const force = remaining <= minrun ? remaining : minrun;
      binarySort(a, lo, lo + force, lo + run);
      run = force;
    }
    ms.foundNewRun(run);
    ms.push(lo, run);
    lo += run;
    remaining -= run;
  } while (remaining > 0);
  ms.forceCollapse();
  return a;
}

function computeMinrun(n: number): number {
  let r = 0; // becomes 1 if any 1 bits are shifted off
  while (n >= MAX_MINRUN) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** Length of the run at a[lo, hi): positive when non-descending, negated when strictly descending. */
function countRun(a: Float64Array, lo: number, hi: number): number {
  let p = lo + 1;
  if (p === hi) return 1;
  let n = 2;
  if (a[p]! < a[p - 1]!) {
    for (p = p + 1; p < hi; ++p, ++n) if (!(a[p]! < a[p - 1]!)) break;
    return -n;
  }
  for (p = p + 1; p < hi; ++p, ++n) if (a[p]! < a[p - 1]!) break;
  return n;
}

function reverse(a: Float64Array, lo: number, hi: number): void {
  for (hi--; lo < hi; lo++, hi--) {
    const t = a[lo]!;
    a[lo] = a[hi]!;
    a[hi] = t;
  }
}

/** a[lo, start) is sorted; binary insertion of a[start, hi). */
function binarySort(a: Float64Array, lo: number, hi: number, start: number): void {
  if (lo === start) ++start;
  for (; start < hi; ++start) {
    let l = lo;
    let r = start;
    const pivot = a[r]!;
    do {
      const p = l + ((r - l) >> 1);
      if (pivot < a[p]!) r = p;
      else l = p + 1;
    } while (l < r);
    a.copyWithin(l + 1, l, start);
    a[l] = pivot;
  }
}

/**
 * Where key belongs in the sorted arr[base, base + n), left of any equal ones: k with
 * arr[base + k - 1] < key <= arr[base + k]; the search starts at `hint`.
 */
function gallopLeft(key: number, arr: Float64Array, base: number, n: number, hint: number): number {
  const at = base + hint;
  let lastofs = 0;
  let ofs = 1;
  if (arr[at]! < key) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (arr[at + ofs]! < key) {
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (arr[at - ofs]! < key) break;
      lastofs = ofs;
      ofs = ofs * 2 + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  ++lastofs;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (arr[base + m]! < key) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/** As gallopLeft, right of any equal ones: k with arr[base + k - 1] <= key < arr[base + k]. */
function gallopRight(key: number, arr: Float64Array, base: number, n: number, hint: number): number {
  const at = base + hint;
  let lastofs = 0;
  let ofs = 1;
  if (key < arr[at]!) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (key < arr[at - ofs]!) {
        lastofs = ofs;
        ofs = ofs * 2 + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (key < arr[at + ofs]!) break;
      lastofs = ofs;
      ofs = ofs * 2 + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  ++lastofs;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (key < arr[base + m]!) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

class MergeState {
  private tmp = new Float64Array(256);
  private minGallop = MIN_GALLOP;
  private readonly base: number[] = [];
  private readonly len: number[] = [];
  private readonly power: number[] = [];
  private n = 0;

  constructor(private readonly a: Float64Array) {}

  push(base: number, len: number): void {
    this.base[this.n] = base;
    this.len[this.n] = len;
    this.power[this.n] = 0;
    this.n++;
  }

  /** The powersort merge policy: merge runs on the stack deeper than the new boundary. */
  foundNewRun(n2: number): void {
    if (this.n === 0) return;
    const power = powerloop(this.base[this.n - 1]!, this.len[this.n - 1]!, n2, this.a.length);
    while (this.n > 1 && this.power[this.n - 2]! > power) this.mergeAt(this.n - 2);
    this.power[this.n - 1] = power;
  }

  forceCollapse(): void {
    while (this.n > 1) {
      let k = this.n - 2;
      if (k > 0 && this.len[k - 1]! < this.len[k + 1]!) --k;
      this.mergeAt(k);
    }
  }

  private getmem(need: number): Float64Array {
    if (need > this.tmp.length) this.tmp = new Float64Array(need);
    return this.tmp;
  }

  private mergeAt(i: number): void {
    const a = this.a;
    let pa = this.base[i]!;
    let na = this.len[i]!;
    const pb = this.base[i + 1]!;
    let nb = this.len[i + 1]!;
    this.len[i] = na + nb;
    if (i === this.n - 3) {
      this.base[i + 1] = this.base[i + 2]!;
      this.len[i + 1] = this.len[i + 2]!;
      this.power[i + 1] = this.power[i + 2]!;
    }
    --this.n;
    const k = gallopRight(a[pb]!, a, pa, na, 0);
    pa += k;
    na -= k;
    if (na === 0) return;
    nb = gallopLeft(a[pa + na - 1]!, a, pb, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) this.mergeLo(pa, na, pb, nb);
    else this.mergeHi(pa, na, pb, nb);
  }

  /** Merge a[pa, pa+na) and a[pb, pb+nb) (pb = pa + na) in place, na <= nb, from the left. */
  private mergeLo(pa: number, na: number, pb: number, nb: number): void {
    const a = this.a;
    const t = this.getmem(na);
    t.set(a.subarray(pa, pa + na), 0);
    let ia = 0; // into t
    let ib = pb;
    let dest = pa;
    const copyB = (): void => {
      // na === 1: the last element of A belongs at the end of the merge.
      a.copyWithin(dest, ib, ib + nb);
      a[dest + nb] = t[ia]!;
    };
    a[dest++] = a[ib++]!;
    --nb;
    if (nb === 0) return this.finishLo(t, ia, na, dest);
    if (na === 1) return copyB();
    let minGallop = this.minGallop;
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (a[ib]! < t[ia]!) {
          a[dest++] = a[ib++]!;
          ++bcount;
          acount = 0;
          --nb;
          if (nb === 0) return this.finishLo(t, ia, na, dest);
          if (bcount >= minGallop) break;
        } else {
          a[dest++] = t[ia++]!;
          ++acount;
          bcount = 0;
          --na;
          if (na === 1) return copyB();
          if (acount >= minGallop) break;
        }
      }
      ++minGallop;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        this.minGallop = minGallop;
        let k = gallopRight(a[ib]!, t, ia, na, 0);
        acount = k;
        if (k) {
          a.set(t.subarray(ia, ia + k), dest);
          dest += k;
          ia += k;
          na -= k;
          if (na === 1) return copyB();
          if (na === 0) return this.finishLo(t, ia, na, dest);
        }
        a[dest++] = a[ib++]!;
        --nb;
        if (nb === 0) return this.finishLo(t, ia, na, dest);
        k = gallopLeft(t[ia]!, a, ib, nb, 0);
        bcount = k;
        if (k) {
          a.copyWithin(dest, ib, ib + k);
          dest += k;
          ib += k;
          nb -= k;
          if (nb === 0) return this.finishLo(t, ia, na, dest);
        }
        a[dest++] = t[ia++]!;
        --na;
        if (na === 1) return copyB();
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++minGallop;
      this.minGallop = minGallop;
    }
  }

  private finishLo(t: Float64Array, ia: number, na: number, dest: number): void {
    if (na) this.a.set(t.subarray(ia, ia + na), dest);
  }

  /** Merge a[pa, pa+na) and a[pb, pb+nb) (pb = pa + na) in place, na > nb, from the right. */
  private mergeHi(pa: number, na: number, pb: number, nb: number): void {
    const a = this.a;
    const t = this.getmem(nb);
    t.set(a.subarray(pb, pb + nb), 0);
    let dest = pb + nb - 1;
    let ia = pa + na - 1; // into a
    let ib = nb - 1; // into t
    const finish = (): void => {
      if (nb) a.set(t.subarray(0, nb), dest - (nb - 1));
    };
    const copyA = (): void => {
      // nb === 1: the first element of B belongs at the front of the merge.
      a.copyWithin(dest + 1 - na, ia + 1 - na, ia + 1);
      dest -= na;
      ia -= na;
      a[dest] = t[ib]!;
    };
    a[dest--] = a[ia--]!;
    --na;
    if (na === 0) return finish();
    if (nb === 1) return copyA();
    let minGallop = this.minGallop;
    for (;;) {
      let acount = 0;
      let bcount = 0;
      for (;;) {
        if (t[ib]! < a[ia]!) {
          a[dest--] = a[ia--]!;
          ++acount;
          bcount = 0;
          --na;
          if (na === 0) return finish();
          if (acount >= minGallop) break;
        } else {
          a[dest--] = t[ib--]!;
          ++bcount;
          acount = 0;
          --nb;
          if (nb === 1) return copyA();
          if (bcount >= minGallop) break;
        }
      }
      ++minGallop;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        this.minGallop = minGallop;
        let k = gallopRight(t[ib]!, a, pa, na, na - 1);
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          ia -= k;
          a.copyWithin(dest + 1, ia + 1, ia + 1 + k);
          na -= k;
          if (na === 0) return finish();
        }
        a[dest--] = t[ib--]!;
        --nb;
        if (nb === 1) return copyA();
        k = gallopLeft(a[ia]!, t, 0, nb, nb - 1);
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          ib -= k;
          a.set(t.subarray(ib + 1, ib + 1 + k), dest + 1);
          nb -= k;
          if (nb === 1) return copyA();
          if (nb === 0) return finish();
        }
        a[dest--] = a[ia--]!;
        --na;
        if (na === 0) return finish();
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      ++minGallop;
      this.minGallop = minGallop;
    }
  }
}

/** The "power" of the boundary between runs at s1 (length n1) and s1 + n1 (length n2), of a list of n. */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}
