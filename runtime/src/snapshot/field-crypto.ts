// Per-field AES-256-GCM for the sensitive payload fields listed in SENSITIVE_FIELDS. The
// additional data binds each ciphertext to its collection, record and field, so a sealed
// value copied onto another record does not open.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SENSITIVE_FIELDS } from '@escher/shared';
import { IntegrityError } from '../errors.js';

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const sensitive = new Set<string>(SENSITIVE_FIELDS);

export interface StateKey {
  key: Buffer;
  /** First 16 hex digits of sha256(key); recorded in manifests and segment headers. */
  id: string;
}

export function stateKeyFrom(key: Buffer): StateKey {
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

/** Sealed values are stored as {"$enc": "v1:<base64 iv|ciphertext|tag>"}. */
export function isSealed(value: unknown): value is { $enc: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $enc?: unknown }).$enc === 'string'
  );
}

const aad = (collection: string, id: string, field: string) =>
  Buffer.from(`${collection}\u0000${id}\u0000${field}`);

export function sealPayload(
  key: StateKey,
  collection: string,
  id: string,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const field of Object.keys(payload)) {
    if (!sensitive.has(field) || payload[field] === undefined) continue;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv).setAAD(aad(collection, id, field));
    const body = Buffer.concat([cipher.update(JSON.stringify(payload[field]), 'utf8'), cipher.final()]);
    out ??= { ...payload };
    out[field] = { $enc: PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64') };
  }
  return out ?? payload;
}

export function openPayload(
  key: StateKey,
  collection: string,
  id: string,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const [field, value] of Object.entries(payload)) {
    if (!isSealed(value)) continue;
    out ??= { ...payload };
    out[field] = openValue(key, collection, id, field, value.$enc);
  }
  return out ?? payload;
}

function openValue(key: StateKey, collection: string, id: string, field: string, sealed: string): unknown {
  try {
    if (!sealed.startsWith(PREFIX)) throw new Error(`unknown envelope ${sealed.slice(0, 3)}`);
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    const iv = raw.subarray(0, IV_BYTES);
    const tag = raw.subarray(raw.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv).setAAD(aad(collection, id, field));
    decipher.setAuthTag(tag);
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(text.toString('utf8'));
  } catch (cause) {
    throw new IntegrityError(`encrypted field "${field}" of record "${id}" in ${collection} does not open`, {
      hint: 'the record was altered or sealed with another key; run `escher state verify`',
      cause,
    });
  }
}
