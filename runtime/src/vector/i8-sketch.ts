// A coarse copy of the arena for full scans: each row rounded to 8-bit integers, with a scale
// per row (so the rounding loses at most half a step per component). A query scores every row against it in
// SIMD (i16 query × i8 codes, integer sums: about a third of the f16 kernel's work), and
// the bounds prove which rows can still reach the top k; only those are scored exactly.
// The answer is the exact one, not an approximation: the pruning only skips rows that
// cannot make it.
//
// Row r is s·c + e (codes c, scale s = max|v|/127, residual e); the query is t·u + f
// (i16 codes u). Then q·v = t·s·(u·c) + t·(u·e) + f·v, and by Cauchy-Schwarz the last two
// terms are at most t|u|·|e| + |f|·|v|. Divided by |q||v| for the cosine, a row's score lies
// within its bound of the estimate, so the k-th best lower bound is a floor for the k-th best
// score and a row whose upper bound stays below that floor is out.

import { widenHalvesScaled } from './half-wasm.js';
import { cachedModule } from './wasm-arena.js';
import {
  forEachRow,
  get,
  I32,
  i32const,
  leb,
  loopWhileBelow,
  moduleBytes,
  set,
  simd,
  splat4,
  storeRowSum,
  V128,
  WASM_PAGE,
  type WasmMemory,
  type WasmModule,
  wasm,
} from './wasm-asm.js';

/** What the sketch reads rows from: the engine's arena. */
export interface SketchSource {
  readonly dims: number;
  readonly encoding: 'f16' | 'f32';
  /** The stored components of rows [from, to), as bytes (halves or floats). */
  rawRows(from: number, to: number): Uint8Array;
}

type QuantizeFn = (src: number, rows: number, dims: number, codes: number, stats: number) => void;
type DotFn = (query: number, codes: number, rows: number, dims: number, out: number) => void;

const FLOAT_2_112 = 2 ** 112;
/** Rows quantized per kernel call, staged in the sketch's memory. */
const STAGE_ROWS = 1024;

const f32const = (x: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeFloatLE(x);
  return [0x43, ...bytes];
};
const f32splat = (x: number) => [...f32const(x), ...simd(0x13)];

/**
 * quantize(src, rows, dims, codes, maxes): each row of `src` (f32, or f16 halves when `half`)
 * to dims i8 codes at `codes` (nearest(v·127/max)), and its max |v| as an f32 at `maxes`;
 * dims % 16 == 0. Halves widen as in half-dot.ts (worth half × 2^-112) and are scaled back
 * by 2^112 (exact); their max is found on the bits, which order as the magnitudes do.
 */
function quantizeModule(half: boolean): Uint8Array {
  const [SRC, ROWS, DIMS, CODES, MAXES, R, D, P, C, ROW_BYTES, M, L] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [MX, INV, V, X0] = [12, 13, 14, 15]; // X0..X3: 15, 16, 17, 18
  const MAXF = 19;
  const widen = (high: boolean) => [
    ...widenHalvesScaled(V, high),
    ...f32splat(FLOAT_2_112),
    ...simd(0xe6, 0x01), // f32x4.mul
  ];
  const halvesAt = (k: number) => [...get(P), ...get(D), ...get(D), 0x6a, 0x6a, ...simd(0x00, 0, 16 * k)];
  const floatsAt = (k: number) => [
    ...get(P),
    ...get(D),
    ...i32const(2),
    0x74,
    0x6a,
    ...simd(0x00, 0, 16 * k),
  ];
  const loopComponents = (inner: number[]) => [
    ...i32const(0),
    ...set(D),
    ...loopWhileBelow(D, 16, DIMS, inner),
  ];
  // M = max(M, L) on i32 scalars
  const maxInto = [...get(M), ...get(L), ...get(M), ...get(L), 0x4a, 0x1b, ...set(M)]; // i32.gt_s; select
  const maxOfRow = half
    ? [
        ...[...splat4(0), ...set(MX)],
        ...loopComponents(
          [0, 1].flatMap((k) => [
            ...[
              ...get(MX),
              ...halvesAt(k),
              ...splat4(0x7fff7fff),
              ...simd(0x4e),
              ...simd(0x98, 0x01),
              ...set(MX),
            ], // i16x8.max_s
          ]),
        ),
        ...[...get(MX), ...simd(0x19, 0), ...set(M)], // i16x8.extract_lane_u
        ...[1, 2, 3, 4, 5, 6, 7].flatMap((i) => [...get(MX), ...simd(0x19, i), ...set(L), ...maxInto]),
        ...[...get(M), ...i32const(13), 0x74, 0xbe, ...f32const(FLOAT_2_112), 0x94, ...set(MAXF)], // f32.reinterpret_i32
      ]
    : [
        ...[...splat4(0), ...set(MX)],
        ...loopComponents(
          [0, 1, 2, 3].flatMap((k) => [
            ...get(MX),
            ...floatsAt(k),
            ...simd(0xe0, 0x01),
            ...simd(0xe9, 0x01),
            ...set(MX),
          ]),
        ),
        ...[0, 1, 2, 3].flatMap((i) => [...get(MX), ...simd(0x1f, i), ...(i > 0 ? [0x97] : [])]), // f32.max
        ...set(MAXF),
      ];
  const load16 = half
    ? [0, 1].flatMap((k) => [
        ...halvesAt(k),
        ...set(V),
        ...widen(false),
        ...set(X0 + 2 * k),
        ...widen(true),
        ...set(X0 + 2 * k + 1),
      ])
    : [0, 1, 2, 3].flatMap((k) => [...floatsAt(k), ...set(X0 + k)]);
  // Four f32x4 to i32x4 codes: trunc_sat(nearest(x·inv)), then narrowed to sixteen i8.
  const codes = [0, 1, 2, 3].flatMap((k) => [
    ...[...get(X0 + k), ...get(INV), ...simd(0xe6, 0x01), ...simd(0x6a), ...simd(0xf8, 0x01), ...set(X0 + k)],
  ]);
  const narrowStore = [
    ...[...get(C), ...get(D), 0x6a],
    ...[...get(X0), ...get(X0 + 1), ...simd(0x85, 0x01)], // i16x8.narrow_i32x4_s
    ...[...get(X0 + 2), ...get(X0 + 3), ...simd(0x85, 0x01)],
    ...simd(0x65), // i8x16.narrow_i16x8_s
    ...simd(0x0b, 0, 0), // v128.store
  ];
  const body = [
    ...[...get(DIMS), ...i32const(half ? 1 : 2), 0x74, ...set(ROW_BYTES)],
    ...[...get(SRC), ...set(P), ...get(CODES), ...set(C)],
    ...forEachRow(R, ROWS, [
      ...maxOfRow,
      // inv = max > 0 ? 127 / max : 0 (a zero row gets zero codes)
      ...[...f32const(127), ...get(MAXF), 0x95, ...f32const(0), ...get(MAXF), ...f32const(0), 0x5e, 0x1b],
      ...[...simd(0x13), ...set(INV)],
      ...loopComponents([...load16, ...codes, ...narrowStore]),
      ...[...get(MAXES), ...get(R), ...i32const(2), 0x74, 0x6a, ...get(MAXF), 0x38, 2, 0], // maxes[r] = max
      ...[...get(P), ...get(ROW_BYTES), 0x6a, ...set(P), ...get(C), ...get(DIMS), 0x6a, ...set(C)],
    ]),
  ];
  return moduleBytes(
    'quantize',
    5,
    [
      [7, I32],
      [7, V128],
      [1, 0x7d], // f32
    ],
    body,
  );
}

/**
 * dot(query, codes, rows, dims, out): out[r] = Σ_d codes[r][d]·query[d] as i32 (i16 query).
 * Each turn reads 16·`blocks` codes into 2·`blocks` independent sums (as in simd-dot.ts).
 */
function dotModule(blocks: 1 | 2): Uint8Array {
  const [Q, CODES, ROWS, DIMS, OUT, R, D, P, QP, V, A0] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const accs = Array.from({ length: 2 * blocks }, (_, i) => A0 + i);
  const product = (acc: number, extend: number, queryOffset: number) => [
    ...get(acc),
    ...get(V),
    ...simd(extend, 0x01), // i16x8.extend_{low,high}_i8x16_s
    ...[...get(QP), ...simd(0x00, 0, ...leb(queryOffset))],
    ...simd(0xba, 0x01), // i32x4.dot_i16x8_s
    ...simd(0xae, 0x01), // i32x4.add
    ...set(acc),
  ];
  const block = (j: number) => [
    ...[...get(P), ...get(D), 0x6a, ...simd(0x00, 0, 16 * j), ...set(V)],
    ...product(A0 + 2 * j, 0x87, 32 * j),
    ...product(A0 + 2 * j + 1, 0x88, 32 * j + 16),
  ];
  const body = [
    ...[...get(CODES), ...set(P)],
    ...forEachRow(R, ROWS, [
      ...accs.flatMap((a) => [...splat4(0), ...set(a)]),
      ...[...i32const(0), ...set(D), ...get(Q), ...set(QP)],
      // D counts codes; QP walks the query alongside
      ...loopWhileBelow(D, 16 * blocks, DIMS, [
        ...Array.from({ length: blocks }, (_, j) => block(j)).flat(),
        ...[...get(QP), ...i32const(32 * blocks), 0x6a, ...set(QP)],
      ]),
      ...storeRowSum(OUT, R, accs, true),
      ...[...get(P), ...get(DIMS), 0x6a, ...set(P)],
    ]),
  ];
  return moduleBytes(
    'dot',
    5,
    [
      [4, I32],
      [1 + 2 * blocks, V128],
    ],
    body,
  );
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** Bounds are widened by this much (an absolute cosine) for the rounding of the sums. */
const SLACK = 1e-7;

export class I8Sketch {
  private readonly memory: WasmMemory;
  private readonly quantize: QuantizeFn;
  private readonly dotRows: DotFn;
  private readonly stageAt: number;
  private readonly maxesAt: number;
  private readonly codesAt: number;
  private capacity = 0;
  private covered = 0;
  /** Per row: the scale s (a code step). */
  private scale = new Float64Array(0);
  /** The largest query code: the integer sums must stay within an i32 (dims·128·qmax < 2^31). */
  private readonly queryMax: number;

  /** A sketch of `source`'s rows, or undefined where it cannot run (no SIMD, dims % 16 ≠ 0). */
  static of(source: SketchSource): I8Sketch | undefined {
    if (source.dims % 16 !== 0) return undefined;
    const half = source.encoding === 'f16';
    const quantize = cachedModule(`i8-quantize-${half}`, () => quantizeModule(half));
    const blocks = source.dims % 32 === 0 ? 2 : 1;
    const dot = cachedModule(`i8-dot-${blocks}`, () => dotModule(blocks));
    return quantize && dot ? new I8Sketch(source, quantize, dot) : undefined;
  }

  private constructor(
    private readonly source: SketchSource,
    quantize: WasmModule,
    dot: WasmModule,
  ) {
    const { dims } = source;
    this.stageAt = align(dims * 2);
    this.maxesAt = this.stageAt + align(STAGE_ROWS * dims * 4);
    this.codesAt = this.maxesAt + align(STAGE_ROWS * 4);
    this.queryMax = Math.min(32767, Math.floor((2 ** 31 - 1) / (dims * 128)));
    this.memory = new wasm.Memory({ initial: 1 });
    const env = { env: { memory: this.memory } };
    this.quantize = (new wasm.Instance(quantize, env).exports as { quantize: QuantizeFn }).quantize;
    this.dotRows = (new wasm.Instance(dot, env).exports as { dot: DotFn }).dot;
  }

  private get dotsAt(): number {
    return this.codesAt + align(this.capacity * this.source.dims);
  }

  private ensure(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2);
    const needed = this.codesAt + align(capacity * this.source.dims) + align(capacity * 4);
    const pages = Math.ceil(needed / WASM_PAGE) - this.memory.buffer.byteLength / WASM_PAGE;
    if (pages > 0) this.memory.grow(pages);
    const grown = (old: Float64Array) => {
      const out = new Float64Array(capacity);
      out.set(old);
      return out;
    };
    this.scale = grown(this.scale);
    this.capacity = capacity;
  }

  /** Quantizes the source's rows up to `rows` (rows are only ever appended to the arena). */
  cover(rows: number): void {
    if (rows <= this.covered) return;
    this.ensure(rows);
    const { dims } = this.source;
    for (let from = this.covered; from < rows; from += STAGE_ROWS) {
      const to = Math.min(rows, from + STAGE_ROWS);
      new Uint8Array(this.memory.buffer, this.stageAt).set(this.source.rawRows(from, to));
      this.quantize(this.stageAt, to - from, dims, this.codesAt + from * dims, this.maxesAt);
      const maxes = new Float32Array(this.memory.buffer, this.maxesAt, to - from);
      for (let r = from; r < to; r++) this.scale[r] = Math.fround((maxes[r - from] as number) / 127);
    }
    this.covered = rows;
  }

  /**
   * The slots that can still be among the `k` best by cosine with `query` (1/|query| is
   * `qInv`, `norms` the rows' inverse lengths): of `slots`, or of every live slot when null.
   * Ascending; undefined when pruning would keep too many to be worth it.
   */
  shortlist(
    query: Float32Array,
    qInv: number,
    k: number,
    norms: Float32Array,
    live: { alive: Uint8Array; size: number; slots: number[] | null },
  ): number[] | undefined {
    const { dims } = this.source;
    this.cover(live.size);
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(query[d] as number));
    // A zero query scores every row 0, and one with NaN components scores nothing: both are
    // left to the exact scan, which answers them as before.
    if (!(max > 0 && max < Number.POSITIVE_INFINITY) || k <= 0) return undefined;
    const t = max / this.queryMax;
    const codes = new Int16Array(this.memory.buffer, 0, dims);
    let uu = 0;
    let ff = 0;
    for (let d = 0; d < dims; d++) {
      const x = query[d] as number;
      const u = Math.round(x / t);
      codes[d] = u;
      uu += u * u;
      ff += (x - t * u) ** 2;
    }
    this.dotRows(0, this.codesAt, live.size, dims, this.dotsAt);
    const dots = new Int32Array(this.memory.buffer, this.dotsAt, live.size);
    // score ∈ estimate ± bound, with estimate = dots·t·s·n·qInv and
    // bound = (t|u|·|e| + |f|·|v|)·n·qInv = t|u|·qInv·|e|·n + |f|·qInv (as |v|·n = 1).
    const { scale } = this;
    const estimateBy = t * qInv;
    // |e| ≤ √dims·s·(½ + 2^-14): nearest() is off by half a step at most, plus the f32
    // rounding of x·(127/max) (under 2^-15 of a step).
    const boundBy = t * Math.sqrt(uu) * qInv * Math.sqrt(dims) * (0.5 + 2 ** -14);
    const boundFloor = Math.sqrt(ff) * qInv + SLACK;
    const floors = new KthBest(k);
    const kept: number[] = [];
    const visit = (slot: number) => {
      const n = norms[slot] as number;
      const estimate = (dots[slot] as number) * estimateBy * (scale[slot] as number) * n;
      const bound = boundBy * (scale[slot] as number) * n + boundFloor;
      floors.offer(estimate - bound);
      // The floor only rises, so this keeps a superset of the rows that end up above it.
      if (estimate + bound >= floors.value) kept.push(slot);
    };
    if (live.slots) for (const slot of live.slots) visit(slot);
    else for (let slot = 0; slot < live.size; slot++) if (live.alive[slot]) visit(slot);
    const floor = floors.value;
    const shortlist = kept.filter((slot) => {
      const n = norms[slot] as number;
      const estimate = (dots[slot] as number) * estimateBy * (scale[slot] as number) * n;
      return estimate + boundBy * (scale[slot] as number) * n + boundFloor >= floor;
    });
    return shortlist.length * 8 > live.size ? undefined : shortlist;
  }
}

/** The k-th largest of the numbers offered so far (−∞ until k are offered). */
class KthBest {
  private readonly best: Float64Array;
  private held = 0;
  value = Number.NEGATIVE_INFINITY;

  constructor(private readonly k: number) {
    this.best = new Float64Array(k);
  }

  offer(x: number): void {
    const { best, k } = this;
    if (this.held === k && x <= (best[k - 1] as number)) return;
    let i = this.held < k ? this.held++ : k - 1;
    while (i > 0 && (best[i - 1] as number) < x) {
      best[i] = best[i - 1] as number;
      i--;
    }
    best[i] = x;
    if (this.held === k) this.value = best[k - 1] as number;
  }
}
