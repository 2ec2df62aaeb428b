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

/** Σ v[d]², with four running sums for the same reason as dot(). */
function squaredNorm(v: Float32Array, offset: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = offset;
  const end = offset + dims;
  for (; d + 3 < end; d += 4) {
    const x0 = v[d] as number;
    const x1 = v[d + 1] as number;
    const x2 = v[d + 2] as number;
    const x3 = v[d + 3] as number;
    s0 += x0 * x0;
    s1 += x1 * x1;
    s2 += x2 * x2;
    s3 += x3 * x3;
  }
  for (; d < end; d++) s0 += (v[d] as number) * (v[d] as number);
  return s0 + s1 + s2 + s3;
}

/** 1/|v| per row; 0 for zero vectors, which then score 0 against everything. */
export function inverseNorms(
  vectors: Float32Array,
  rows: number,
  dims: number,
  out: Float32Array = new Float32Array(rows),
): Float32Array {
  for (let r = 0; r < rows; r++) out[r] = inverseOf(squaredNorm(vectors, r * dims, dims));
  return out;
}

const inverseOf = (squared: number) => (squared > 0 ? 1 / Math.sqrt(squared) : 0);

/** 1/|v| from squared lengths computed elsewhere (the SIMD kernel), same zero rule. */
export function inverseNormsOfSquares(squares: Float32Array): Float32Array {
  const out = new Float32Array(squares.length);
  for (let r = 0; r < squares.length; r++) out[r] = inverseOf(squares[r] as number);
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

  /** The score a new slot must beat to enter: the k-th best once k are held. */
  get threshold(): number {
    const items = this.items;
    if (this.k === 0) return Number.POSITIVE_INFINITY;
    return items.length < this.k ? Number.NEGATIVE_INFINITY : (items[items.length - 1] as Scored).score;
  }

  offer(slot: number, score: number): void {
    const items = this.items;
    if (items.length === this.k && score <= (items[items.length - 1] as Scored).score) return;
    let i = items.length;
    while (i > 0 && (items[i - 1] as Scored).score < score) i--;
    items.splice(i, 0, { slot, score });
    if (items.length > this.k) items.pop();
  }
}
