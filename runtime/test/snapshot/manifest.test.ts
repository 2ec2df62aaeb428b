import { MANIFEST_KEY, ManifestSchema, manifestJsonSchema } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/errors.js';
import { parseManifest } from '../../src/snapshot/manifest-store.js';

const valid = {
  format: 'escher-vector-snapshot',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  generation: 3,
  vectorEncoding: 'f32',
  encryption: { algorithm: 'AES-256-GCM', keyName: 'escher/state/key', keyId: '0123456789abcdef' },
  collections: {
    cloud_estate: {
      embedding: { model: 'escher-hash-v1-384', dims: 384 },
      segments: [
        {
          key: 'segments/cloud_estate/x.seg',
          sha256: 'a'.repeat(64),
          crc32: 12345,
          records: 10,
          bytes: 2000,
          committedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    },
  },
};
const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('manifest contract', () => {
  it('parses a valid manifest', () => {
    expect(parseManifest(bytes(valid), 'file:///s').collections.cloud_estate?.segments[0]?.records).toBe(10);
  });

  it('refuses a manifest of a newer format version with an upgrade hint', () => {
    const newer = { ...valid, version: 2, somethingNew: true };
    expect(() => parseManifest(bytes(newer), 'file:///s')).toThrow(IntegrityError);
    expect(() => parseManifest(bytes(newer), 'file:///s')).toThrow(
      `${MANIFEST_KEY} in file:///s has format version 2; this escher reads up to 1`,
    );
  });

  it('refuses an unknown collection and a malformed digest', () => {
    expect(ManifestSchema.safeParse({ ...valid, collections: { nope: { segments: [] } } }).success).toBe(
      false,
    );
    const badDigest = structuredClone(valid);
    (badDigest.collections.cloud_estate.segments[0] as { sha256: string }).sha256 = 'xyz';
    expect(() => parseManifest(bytes(badDigest), 'file:///s')).toThrow(
      /invalid at collections\.cloud_estate\.segments\.0\.sha256/,
    );
  });

  it('refuses text that is not a manifest', () => {
    expect(() => parseManifest(Buffer.from('{"format":"other"}'), 'file:///s')).toThrow(
      'is not an escher snapshot manifest',
    );
    expect(() => parseManifest(Buffer.from('{'), 'file:///s')).toThrow('is not JSON');
  });

  it('exports a JSON Schema naming the format', () => {
    const schema = manifestJsonSchema() as unknown as { properties: { format: { const: string } } };
    expect(schema.properties.format.const).toBe('escher-vector-snapshot');
  });
});
