// Exact top-k by cosine over one contiguous Float32Array of vectors. Norms are precomputed,
// so a query costs one dot product per candidate; the loop is unrolled because this is the
// hot path of every similarity query.

export function dot(a: Float32Array, aOffset: number, b: Float32Array, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    s0 += (a[aOffset + d] as number) * (b[d] as number);
    s1 += (a[aOffset + d + 1] as number) * (b[d + 1] as number);
    s2 += (a[aOffset + d + 2] as number) * (b[d + 2] as number);
    s3 += (a[aOffset + d + 3] as number) * (b[d + 3] as number);
  }
  for (; d < dims; d++) s0 += (a[aOffset + d] as number) * (b[d] as number);
  return s0 + s1 + s2 + s3;
}

/** 1/|v| per row; 0 for zero vectors, which then score 0 against everything. */
export function inverseNorms(
  vectors: Float32Array,
  rows: number,
  dims: number,
  out: Float32Array = new Float32Array(rows),
): Float32Array {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let d = 0; d < dims; d++) {
      const x = vectors[r * dims + d] as number;
      s += x * x;
    }
    out[r] = s > 0 ? 1 / Math.sqrt(s) : 0;
  }
  return out;
}

export interface Scored {
  slot: number;
  score: number;
}

/** Keeps the k best (highest score; ties go to the lower slot) in descending order. */
export class TopK {
  readonly items: Scored[] = [];
  constructor(private readonly k: number) {}

  offer(slot: number, score: number): void {
    const items = this.items;
    if (items.length === this.k && score <= (items[items.length - 1] as Scored).score) return;
    let i = items.length;
    while (i > 0 && (items[i - 1] as Scored).score < score) i--;
    items.splice(i, 0, { slot, score });
    if (items.length > this.k) items.pop();
  }
}
