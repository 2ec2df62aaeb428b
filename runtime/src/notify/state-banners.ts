// Banner records into the state's alerts_events collection, where the laptop reads them on
// wake and the morning report picks up INFO ones. One record per incident (the id derives
// from the dedup key), so a later notification for the same incident replaces its banner.

import type { RunnerState } from '../pipeline/state.js';
import type { BannerRecord, BannerSink } from './channels/banner.js';

export function stateBannerSink(state: Pick<RunnerState, 'putRecord'>): BannerSink {
  return { put: (record: BannerRecord) => state.putRecord('alerts_events', record.id, { ...record }) };
}
