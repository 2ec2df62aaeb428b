// How each severity looks on every channel, after the seed's alert banners: one emoji and
// one colour per severity, and a plain-text rendering for channels without rich layout.

import type { Notification } from './notification.js';

export interface SeverityStyle {
  emoji: string;
  /** Hex colour without '#'. */
  colour: string;
  /** Adaptive Card container style / text colour name. */
  cardColour: 'attention' | 'warning' | 'accent' | 'good';
}

export const SEVERITY_STYLE: Readonly<Record<Notification['severity'], SeverityStyle>> = {
  CRITICAL: { emoji: '🚨', colour: 'D32F2F', cardColour: 'attention' },
  HIGH: { emoji: '⚠️', colour: 'F57C00', cardColour: 'warning' },
  MEDIUM: { emoji: '🟡', colour: 'FBC02D', cardColour: 'accent' },
  INFO: { emoji: 'ℹ️', colour: '1976D2', cardColour: 'good' },
};

/** "🚨 CRITICAL ALERT - AUTO-RESOLVED: S3 bucket made public", as the seed's banners read. */
export function headline(n: Notification): string {
  const state = n.resolved ? ' - AUTO-RESOLVED' : '';
  return `${SEVERITY_STYLE[n.severity].emoji} ${n.severity} ALERT${state}: ${n.title}`;
}

/** The whole notification as plain text (email, SMS, fallback text). */
export function plainText(n: Notification): string {
  const parts = [headline(n), '', n.summary];
  if (n.lines.length > 0) parts.push('', ...n.lines.map((line) => `• ${line}`));
  if (n.actions.length > 0) parts.push('', ...n.actions.map((a) => `${a.label}: ${a.url}`));
  return parts.join('\n').trim();
}
