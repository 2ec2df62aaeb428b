// Picks the embedder: the ONNX model when a model directory is configured, the hashed
// fallback otherwise. Also fixes which text of a record gets embedded.

import { SENSITIVE_FIELDS } from '@escher/shared';
import type { Embedder } from './embedder.js';
import { HashEmbedder } from './hash-embedder.js';

/** The ONNX embedder (and its tokenizer package) loads only when a model is configured. */
export async function openEmbedder(modelDir: string | undefined): Promise<Embedder> {
  if (!modelDir) return new HashEmbedder();
  const { OnnxEmbedder } = await import('./onnx-embedder.js');
  return OnnxEmbedder.load(modelDir);
}

const sensitive = new Set<string>(SENSITIVE_FIELDS);

/**
 * The text a record is embedded from: its `text` field when it has one, otherwise its
 * plain fields as "key value" pairs (nested objects one level deep, e.g. tags). Sensitive
 * fields never feed a vector, because vectors are stored unencrypted.
 */
export function embeddingText(payload: Record<string, unknown>): string {
  if (typeof payload.text === 'string') return payload.text;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (sensitive.has(key) || value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value))
        if (typeof v !== 'object') parts.push(`${key} ${k} ${String(v)}`);
    } else {
      parts.push(`${key} ${Array.isArray(value) ? value.join(' ') : String(value)}`);
    }
  }
  return parts.join('; ');
}
