// Turns text into vectors. `modelId` names the exact model (and weights) that made a
// vector: the snapshot records it per collection and refuses to mix two models' vectors.

export interface Embedder {
  readonly modelId: string;
  readonly dims: number;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

export function l2normalise(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  if (s === 0) return v;
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * inv;
  return v;
}
