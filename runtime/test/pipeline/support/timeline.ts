// The timeline steps of an event that was remediated with one action: what every end-to-end
// test expects a finished run to print and record, in order. Record and commit happen after
// the alert record is written, so they are crash boundaries but not timeline entries.

import { PIPELINE_STEPS } from '@escher/shared';

export const REMEDIATED_TIMELINE = [
  'event',
  ...PIPELINE_STEPS.filter((step) => step !== 'record' && step !== 'commit'),
] as const;
