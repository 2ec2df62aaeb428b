// Baseline severity tables: how a vendor's own rating maps onto CRITICAL|HIGH|MEDIUM|INFO.
// The seed has no LOW; vendors' LOW and informational both map to INFO. The final
// severity is decided later with the user's rules and estate context.

import type { Baseline } from './build-event.js';

/** Label scales (ASFF Severity.Label, SCC, Defender, GCP policy severity). */
const LABELS: Record<string, Baseline['severity']> = {
  CRITICAL: 'CRITICAL',
  HIGH: 'HIGH',
  ERROR: 'HIGH',
  MEDIUM: 'MEDIUM',
  WARNING: 'MEDIUM',
  LOW: 'INFO',
  INFORMATIONAL: 'INFO',
  INFO: 'INFO',
};

export function fromLabel(label: string | undefined, scale: string): Baseline | undefined {
  if (label === undefined) return undefined;
  const severity = LABELS[label.toUpperCase()];
  return severity && { severity, reason: `${scale} severity ${label}` };
}

/** ASFF Severity.Normalized (0–100): 90+ CRITICAL, 70+ HIGH, 40+ MEDIUM, else INFO. */
export function fromNormalizedScore(score: number, scale: string): Baseline {
  const severity = score >= 90 ? 'CRITICAL' : score >= 70 ? 'HIGH' : score >= 40 ? 'MEDIUM' : 'INFO';
  return { severity, reason: `${scale} normalised score ${score}` };
}

/** GuardDuty's 0.1–10 scale: 9+ CRITICAL, 7+ HIGH, 4+ MEDIUM, else INFO (GuardDuty's own bands). */
export function fromGuardDutyScore(score: number): Baseline {
  const severity = score >= 9 ? 'CRITICAL' : score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'INFO';
  return { severity, reason: `GuardDuty severity ${score}` };
}

/** Azure Monitor Sev0..Sev4. */
export function fromAzureSeverity(sev: string | undefined): Baseline | undefined {
  const map: Record<string, Baseline['severity']> = {
    Sev0: 'CRITICAL',
    Sev1: 'HIGH',
    Sev2: 'MEDIUM',
    Sev3: 'INFO',
    Sev4: 'INFO',
  };
  const severity = sev === undefined ? undefined : map[sev];
  return severity && { severity, reason: `Azure Monitor severity ${sev}` };
}

export const info = (reason: string): Baseline => ({ severity: 'INFO', reason });
export const medium = (reason: string): Baseline => ({ severity: 'MEDIUM', reason });
export const high = (reason: string): Baseline => ({ severity: 'HIGH', reason });
export const critical = (reason: string): Baseline => ({ severity: 'CRITICAL', reason });
