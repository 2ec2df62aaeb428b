// The report's sections in reading order with their titles, shared by every renderer so
// Markdown, HTML, PDF and the summary always show the same sections.

import type { Finding, Report, ReportSectionName } from '@escher/shared';

export const SECTION_TITLES: Record<ReportSectionName, string> = {
  alerts: 'Critical alerts',
  cost: 'Cost summary',
  changes: 'Top changes',
  security: 'Security & compliance',
  optimisation: 'Optimisation opportunities',
  health: 'Operational health',
};

export const SEVERITY_COLOURS = {
  CRITICAL: '#d32f2f',
  HIGH: '#f57c00',
  MEDIUM: '#fbc02d',
  INFO: '#1976d2',
} as const;

export function visibleSections(report: Report): ReportSectionName[] {
  return report.settings.sections;
}

/** Findings a section lists; 'alerts' gathers every CRITICAL one. */
export function sectionFindings(report: Report, section: ReportSectionName): Finding[] {
  if (section === 'alerts') return report.findings.filter((f) => f.severity === 'CRITICAL');
  if (section === 'changes') return report.findings.filter((f) => f.status === 'new');
  const limit =
    report.settings.format === 'detailed' ? Infinity : report.settings.format === 'compact' ? 5 : 3;
  return report.findings.filter((f) => f.section === section).slice(0, limit);
}

/** Why a section has no data, when its collectors were unavailable. */
export function unavailableReasons(report: Report, section: ReportSectionName): string[] {
  return report.collectors
    .filter((c) => c.section === section && c.status === 'unavailable')
    .map((c) => `${c.collector}${c.account ? ` (${c.account})` : ''}: ${c.reason ?? 'unavailable'}`);
}
