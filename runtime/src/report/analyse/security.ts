// Security and health findings, with severities from the user's own definitions.

import type { ReportSettings, Severity } from '@escher/shared';
import type { ExposureFact, Observed } from '../collectors/observations.js';
import { type FindingDraft, findingId, fixFor } from './draft.js';

function exposureSeverity(e: ExposureFact, s: ReportSettings): Severity {
  if (e.kind === 'public_bucket') return s.severity.public_bucket;
  if (e.kind === 'weak_password_policy') return 'MEDIUM';
  return 'HIGH';
}

const EXPOSURE_TEXT: Record<ExposureFact['kind'], (e: ExposureFact) => string> = {
  public_bucket: (e) => `Public bucket ${e.name}`,
  open_admin_port: (e) => `Admin port open to the internet on ${e.name}`,
  weak_password_policy: () => 'Password policy below the recommended baseline',
  root_without_mfa: () => 'Root user without MFA',
};

export function securityFindings(o: Observed<'security'>, s: ReportSettings): FindingDraft[] {
  const base = { section: 'security' as const, cloud: o.cloud, account: o.account };
  const out: FindingDraft[] = o.exposures.map((e) => ({
    ...base,
    id: findingId(e.kind, o.cloud, o.account, e.resource_id),
    kind: e.kind,
    severity: exposureSeverity(e, s),
    region: e.region,
    resource_id: e.resource_id,
    resource_name: e.name,
    title: EXPOSURE_TEXT[e.kind](e),
    detail: e.detail,
    ...(e.kind === 'public_bucket' ? { fix: fixFor('public_bucket', o.cloud, 'Make private') } : {}),
    ...(e.kind === 'open_admin_port' ? { fix: fixFor('admin_port', o.cloud, 'Close to the internet') } : {}),
    questions: [`Who changed ${e.name} and when?`],
  }));
  for (const v of o.volumes.filter((x) => !x.encrypted)) {
    const critical = s.severity.any_unencrypted_volume_critical || v.environment === 'production';
    out.push({
      ...base,
      id: findingId('unencrypted_volume', o.cloud, o.account, v.id),
      kind: 'unencrypted_volume',
      severity: critical ? 'CRITICAL' : 'MEDIUM',
      region: v.region,
      resource_id: v.id,
      resource_name: v.name,
      title: `Unencrypted volume ${v.name} (${v.size_gb} GB)`,
      detail: `environment ${v.environment ?? 'unknown'}; data at rest is not encrypted`,
      fix: fixFor('encryption', o.cloud, 'Enable encryption'),
      questions: [`What data is on ${v.name}?`],
    });
  }
  return out;
}

export function healthFindings(o: Observed<'health'>): FindingDraft[] {
  return o.facts.map((f) => ({
    id: findingId(f.kind, o.cloud, o.account, f.resource_id),
    kind: f.kind,
    section: 'health' as const,
    severity: f.severity ?? 'HIGH',
    cloud: o.cloud,
    account: o.account,
    region: f.region,
    resource_id: f.resource_id,
    resource_name: f.name,
    title: f.kind === 'failed_backup' ? `Backup failed: ${f.name}` : `${f.name}: ${f.detail}`,
    detail: f.detail,
    questions: [`Why did ${f.name} fail?`],
  }));
}
