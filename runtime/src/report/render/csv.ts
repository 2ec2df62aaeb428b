// Findings as CSV (RFC 4180 quoting), one row each, for spreadsheets.

import type { Report } from '@escher/shared';

const COLUMNS = [
  'id',
  'status',
  'severity',
  'section',
  'kind',
  'cloud',
  'account',
  'region',
  'resource_id',
  'resource_name',
  'title',
  'monthly_saving_usd',
  'fix',
] as const;

const cell = (v: unknown): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(report: Report): string {
  const rows = report.findings.map((f) =>
    COLUMNS.map((c) => cell(c === 'fix' ? (f.fix?.remediation ?? f.fix?.label) : f[c])).join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
