// The audit mirror: every committed audit record also goes, create-only, to the store in
// ESCHER_AUDIT_STORE (the AWS stack's Object Lock bucket, Azure's immutable `audit`
// container, GCP's locked bucket), where no one, the runner included, can change it later.

import { PreconditionFailedError } from '../errors.js';
import type { AuditMirror } from '../pipeline/deps.js';
import type { ObjectStore } from '../storage/object-store.js';
import { objectName } from './object-names.js';

export function objectAuditMirror(store: ObjectStore): AuditMirror {
  return {
    async put(id, record) {
      try {
        await store.putIfAbsent(`audit/${objectName(id)}.json`, Buffer.from(`${JSON.stringify(record)}\n`));
      } catch (err) {
        // A rerun after a crash mirrors the same record again; the first copy stands.
        if (!(err instanceof PreconditionFailedError)) throw err;
      }
    },
  };
}
