// Reports in immutable_reports (create-only: a stored report is never modified) and the
// user's report settings in alerts_events.

import {
  REPORT_SETTINGS_ID,
  type Report,
  ReportSchema,
  type ReportSettings,
  ReportSettingsSchema,
  reportId,
} from '@escher/shared';
import { InputError, IntegrityError } from '../errors.js';
import type { RunnerState } from '../pipeline/state.js';

export async function readReport(state: RunnerState, date: string): Promise<Report | undefined> {
  const raw = await state.getRecord('immutable_reports', reportId(date));
  if (!raw) return undefined;
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new IntegrityError(`stored report ${reportId(date)} does not match the report schema`, {
      cause: parsed.error,
      hint: 'run `escher state verify`',
    });
  }
  return parsed.data;
}

/** The latest report before `date` (usually yesterday's), for deltas. */
export async function previousReport(state: RunnerState, date: string): Promise<Report | undefined> {
  const all = await state.listRecords('immutable_reports', 'report:');
  const dates = all
    .map((r) => r.date)
    .filter((d): d is string => typeof d === 'string' && d < date)
    .sort();
  const latest = dates.at(-1);
  return latest ? readReport(state, latest) : undefined;
}

/** Stores the report; false when a report for that day exists already (it stays as it was). */
export async function storeReport(state: RunnerState, report: Report): Promise<boolean> {
  return state.appendRecord('immutable_reports', report.id, report as unknown as Record<string, unknown>);
}

export async function readReportSettings(state: RunnerState): Promise<ReportSettings> {
  const raw = await state.getRecord('alerts_events', REPORT_SETTINGS_ID);
  const parsed = ReportSettingsSchema.safeParse(raw?.settings ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`report settings: ${issue?.path.join('.')}: ${issue?.message}`, {
      hint: 'fix the settings in the laptop app, or remove them to use the defaults',
    });
  }
  return parsed.data;
}

export async function writeReportSettings(state: RunnerState, settings: ReportSettings): Promise<void> {
  await state.putRecord('alerts_events', REPORT_SETTINGS_ID, { kind: 'report_settings', settings });
}
