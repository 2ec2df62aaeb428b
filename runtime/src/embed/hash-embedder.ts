// The deterministic fallback when no model file is configured: hashed token features
// ("feature hashing"). Lower-cased alphanumeric tokens and adjacent-token pairs are each
// hashed (FNV-1a, 32-bit) to one of `dims` buckets with a ±1 sign taken from another hash
// bit; pairs weigh 0.5; the sum is L2-normalised. Texts sharing words score high; there is
// no semantics beyond that. Text without tokens maps to the zero vector (scores 0).

import { type Embedder, l2normalise } from './embedder.js';

export const HASH_MODEL_ID = 'escher-hash-v1';

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export class HashEmbedder implements Embedder {
  readonly modelId: string;

  constructor(readonly dims = 384) {
    this.modelId = `${HASH_MODEL_ID}-${dims}`;
  }

  private add(v: Float32Array, feature: string, weight: number): void {
    const h = fnv1a(feature);
    v[h % this.dims] = (v[h % this.dims] as number) + (h & 0x80000000 ? -weight : weight);
  }

  embedOne(text: string): Float32Array {
    const v = new Float32Array(this.dims);
    const words = tokens(text);
    words.forEach((word, i) => {
      this.add(v, word, 1);
      if (i > 0) this.add(v, `${words[i - 1]} ${word}`, 0.5);
    });
    return l2normalise(v);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }
}
