// Human output of a run, in the seed's shape: a timeline of "2:32:15 AM - ..." lines and
// the total exposure time. Pure; the CLI prints it.

import type { AlertRecord } from '@escher/shared';
import type { RunResult } from '../pipeline/result.js';

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('en-US', {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  });

export function exposureText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return m > 0
    ? `${m} minute${m === 1 ? '' : 's'} ${s} second${s === 1 ? '' : 's'}`
    : `${s} second${s === 1 ? '' : 's'}`;
}

export function formatAlert(alert: AlertRecord): string {
  const e = alert.event;
  const lines = [
    `${alert.severity} ${e.event_type.replaceAll('_', ' ')}: ${e.resource.name || e.resource.id} (${e.cloud_provider} ${e.account_id} ${e.region}) — ${alert.status.replace('_', ' ')}`,
    '',
    'Timeline (UTC):',
    ...alert.timeline.map((t) => `${time(t.at)} - ${t.text}`),
  ];
  if (alert.exposure_seconds !== undefined)
    lines.push('', `Total exposure time: ${exposureText(alert.exposure_seconds)}`);
  for (const a of alert.actions)
    if (a.undo && a.outcome === 'succeeded') lines.push(`Undo ${a.action}: ${a.undo}`);
  return `${lines.join('\n')}\n`;
}

export function formatResult(result: RunResult): string {
  return result.items
    .map((item) => {
      if (item.status === 'done') {
        const prefix = item.duplicate ? `event ${item.id} was processed before; nothing done again\n` : '';
        return item.alert ? `${prefix}${formatAlert(item.alert)}` : `${prefix || `done: ${item.id}\n`}`;
      }
      const what =
        item.status === 'bad_input'
          ? `refused (kept in dead-letter ${item.deadLetterId})`
          : 'failed, retry later';
      return `${item.id}: ${what}: ${item.error.toUserMessage()}\n`;
    })
    .join('\n');
}
