// Eventarc delivers Cloud Audit Logs as a CloudEvent of type
// `google.cloud.audit.log.v1.written` whose data is the LogEntry itself.

import { need, obj } from '../fields.js';
import type { Envelope } from '../source.js';

export const eventarcAuditLog: Envelope = {
  name: 'gcp.eventarc-audit',
  recognise: (input) =>
    input.type === 'google.cloud.audit.log.v1.written' && typeof input.specversion === 'string',
  unwrap: (input) => [{ value: need(obj(input, 'data'), 'gcp.eventarc-audit', 'data'), path: 'data' }],
};
