// The laptop's in-app banner: a record in the state's alerts_events collection, which the
// laptop shows on wake and the morning report aggregates. Nothing is pushed anywhere.

import type { Channel } from '../channel.js';
import type { Notification } from '../notification.js';
import type { ChannelSetup } from '../setup.js';

export interface BannerRecord {
  /** One banner per incident: a later notification for the same incident replaces it. */
  id: string;
  kind: 'banner';
  severity: Notification['severity'];
  title: string;
  summary: string;
  lines: string[];
  actions: Notification['actions'];
  resolved: boolean;
  source: Notification['source'];
  at: string;
  /** INFO is not shown as a banner; it waits for the morning report. */
  show: 'banner' | 'morning_report';
}

/** Where banner records go: the snapshot's alerts_events collection in a deployment. */
export interface BannerSink {
  put(record: BannerRecord): Promise<void>;
}

export function bannerRecord(n: Notification): BannerRecord {
  return {
    id: `banner:${n.dedup_key}`,
    kind: 'banner',
    severity: n.severity,
    title: n.title,
    summary: n.summary,
    lines: n.lines,
    actions: n.actions,
    resolved: n.resolved,
    source: n.source,
    at: n.at,
    show: n.severity === 'INFO' ? 'morning_report' : 'banner',
  };
}

export function bannerChannel({ deps }: ChannelSetup): Channel | undefined {
  const { banners } = deps;
  if (!banners) return undefined;
  return { name: 'banner', deliver: (n) => banners.put(bannerRecord(n)) };
}
