// all-MiniLM-L6-v2 through onnxruntime-node: WordPiece tokenisation from the model's own
// tokenizer.json, the transformer, then mean pooling over real tokens and L2 normalisation,
// as sentence-transformers does. The model id carries a digest of the weights, so an int8
// export and the float32 original are never taken for the same model.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import type { InferenceSession } from 'onnxruntime-node';
import { ConfigError } from '../errors.js';
import { type Embedder, l2normalise } from './embedder.js';

export const MINILM_NAME = 'all-MiniLM-L6-v2';
/** The model was trained on at most 256 word pieces; longer texts are cut. */
const MAX_TOKENS = 256;
const BATCH = 32;

export class OnnxEmbedder implements Embedder {
  readonly dims = 384;

  private constructor(
    readonly modelId: string,
    private readonly session: InferenceSession,
    private readonly tokenizer: Tokenizer,
    private readonly ort: typeof import('onnxruntime-node'),
  ) {}

  /** Loads `model.onnx`, `tokenizer.json` and `tokenizer_config.json` from a directory. */
  static async load(dir: string): Promise<OnnxEmbedder> {
    let files: [Buffer, string, string];
    try {
      files = await Promise.all([
        readFile(join(dir, 'model.onnx')),
        readFile(join(dir, 'tokenizer.json'), 'utf8'),
        readFile(join(dir, 'tokenizer_config.json'), 'utf8'),
      ]);
    } catch (cause) {
      throw new ConfigError(`no usable ${MINILM_NAME} model in ${dir}`, {
        hint: 'the directory needs model.onnx, tokenizer.json and tokenizer_config.json (runtime/scripts/install-model.sh)',
        cause,
      });
    }
    const [model, tokenizerJson, tokenizerConfig] = files;
    // Loaded lazily: the native runtime costs startup time that fallback users never need.
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(model);
    const tokenizer = new Tokenizer(JSON.parse(tokenizerJson), JSON.parse(tokenizerConfig));
    const digest = createHash('sha256').update(model).digest('hex').slice(0, 12);
    return new OnnxEmbedder(`${MINILM_NAME}@${digest}`, session, tokenizer, ort);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH)
      out.push(...(await this.embedBatch(texts.slice(i, i + BATCH))));
    return out;
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    const encoded: number[][] = texts.map((t) => {
      const ids: number[] = this.tokenizer.encode(t).ids;
      // Keep [CLS] … [SEP] when cutting: the last kept piece is replaced by the final [SEP].
      return ids.length <= MAX_TOKENS
        ? ids
        : [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1] as number];
    });
    const width = Math.max(...encoded.map((ids) => ids.length));
    const n = texts.length;
    const inputIds = new BigInt64Array(n * width);
    const mask = new BigInt64Array(n * width);
    encoded.forEach((ids, row) => {
      ids.forEach((id, col) => {
        inputIds[row * width + col] = BigInt(id);
        mask[row * width + col] = 1n;
      });
    });
    const { Tensor } = this.ort;
    const result = await this.session.run({
      input_ids: new Tensor('int64', inputIds, [n, width]),
      attention_mask: new Tensor('int64', mask, [n, width]),
      token_type_ids: new Tensor('int64', new BigInt64Array(n * width), [n, width]),
    });
    const hidden = result.last_hidden_state?.data as Float32Array;
    return encoded.map((ids, row) => {
      const v = new Float32Array(this.dims);
      for (let col = 0; col < ids.length; col++) {
        const base = (row * width + col) * this.dims;
        for (let d = 0; d < this.dims; d++) v[d] = (v[d] as number) + (hidden[base + d] as number);
      }
      for (let d = 0; d < this.dims; d++) v[d] = (v[d] as number) / ids.length;
      return l2normalise(v);
    });
  }
}
