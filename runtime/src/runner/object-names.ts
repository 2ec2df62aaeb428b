// Object names for state records: an id as it reads (URI-encoded) when short, otherwise a
// readable head plus a SHA-256 of the whole id, so a name never exceeds what file systems
// (255 bytes, less the local store's temp suffix) and object stores accept. An Azure
// resource id alone can be longer than that.

import { createHash } from 'node:crypto';

/** Longest name kept verbatim; hashed names have exactly this length too. */
export const MAX_NAME = 160;
/** encodeURIComponent never emits '@', so no verbatim name can look like a hashed one. */
const HASH_MARK = '@';
const HEAD = MAX_NAME - HASH_MARK.length - 64;

/** The field that carries the full id inside an object stored under a hashed name. */
export const ID_FIELD = '_escher_id';

export function objectName(id: string): string {
  const encoded = encodeURIComponent(id);
  if (encoded.length <= MAX_NAME) return encoded;
  const hash = createHash('sha256').update(id).digest('hex');
  return `${encoded.slice(0, HEAD)}${HASH_MARK}${hash}`;
}

export const isHashedName = (name: string): boolean => name.includes(HASH_MARK);
