import { describe, expect, it } from 'vitest';
import { HashEmbedder, tokens } from '../../src/embed/hash-embedder.js';
import { embeddingText, openEmbedder } from '../../src/embed/open-embedder.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

describe('HashEmbedder (fallback)', () => {
  const embedder = new HashEmbedder();

  it('is deterministic, 384-d, L2-normalised and names its model', async () => {
    const [a, b] = await embedder.embed(['Idle VMs in dev', 'Idle VMs in dev']);
    expect(embedder.modelId).toBe('escher-hash-v1-384');
    expect(a?.length).toBe(384);
    expect(Array.from(a ?? [])).toEqual(Array.from(b ?? []));
    expect(cosine(a as Float32Array, a as Float32Array)).toBeCloseTo(1, 6);
  });

  it('scores texts sharing words above unrelated texts', () => {
    const q = embedder.embedOne('idle compute instance dev');
    expect(cosine(q, embedder.embedOne('compute instance idle in dev account'))).toBeGreaterThan(
      cosine(q, embedder.embedOne('object storage bucket encryption')),
    );
  });

  it('maps text without tokens to the zero vector', () => {
    expect(Array.from(embedder.embedOne('!!! ---')).every((x) => x === 0)).toBe(true);
    expect(tokens('Ünïcode-Names_42')).toEqual(['ünïcode', 'names', '42']);
  });

  it('is what openEmbedder returns without a model directory', async () => {
    expect((await openEmbedder(undefined)).modelId).toBe('escher-hash-v1-384');
  });
});

describe('embeddingText', () => {
  it('uses the text field when present', () => {
    expect(embeddingText({ text: 'hello', state: 'x' })).toBe('hello');
  });

  it('joins plain and tag fields and never includes sensitive fields', () => {
    expect(
      embeddingText({
        resource_type: 'compute_instance',
        tags: { env: 'dev' },
        encrypted_data: 'secret',
        zones: ['a', 'b'],
      }),
    ).toBe('resource_type compute_instance; tags env dev; zones a b');
  });
});
