// The runtime's own last 24 hours as plain lines, shared by the Markdown and HTML health
// sections so both always say the same.

import type { RuntimeHealth } from '@escher/shared';

export function runtimeHealthLines(h: RuntimeHealth): string[] {
  const severities = Object.entries(h.alerts.by_severity)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const statuses = Object.entries(h.alerts.by_status)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${n} ${s.replace('_', ' ')}`);
  return [
    `- Escher's own alerts, last 24 h: ${h.alerts.total}${severities.length ? ` (${severities.join(', ')})` : ''}${statuses.length ? ` — ${statuses.join(', ')}` : ''}`,
    ...h.failed_remediations.map(
      (f) =>
        `- Failed remediation: ${f.action} on ${f.resource_id} (${f.cloud})${f.error ? `: ${f.error}` : ''}`,
    ),
    `- Dead-lettered triggers, last 24 h: ${h.dead_letters.length}`,
    ...h.dead_letters.map((d) => `- Dead letter ${d.id} at ${d.step}: ${d.error}`),
  ];
}
