// The timeline steps of an event that was remediated with one action: what every end-to-end
// test expects a finished run to print and record, in order.

export const REMEDIATED_TIMELINE = [
  'event',
  'accept',
  'normalise',
  'load_state',
  'enrich',
  'analyse',
  'decide',
  'act',
  'verify',
  'notify',
] as const;
