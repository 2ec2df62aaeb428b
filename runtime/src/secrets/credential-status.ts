// Which clouds and accounts have a complete credential set in a SecretStore, from the
// names alone: `escher creds check` never reads a value.

import { CLOUDS, type Cloud, CREDENTIAL_FIELDS } from './cloud-credentials.js';
import type { SecretStore } from './secret-store.js';

export interface CredentialStatus {
  cloud: Cloud;
  account: string;
  complete: boolean;
  /** Fields present, by name. */
  fields: string[];
  /** Fields of the nearest complete set that are missing; [] when complete. */
  missing: string[];
}

export function statusOf(cloud: Cloud, account: string, fields: string[]): CredentialStatus {
  const sets = CREDENTIAL_FIELDS[cloud].complete;
  const gaps = sets.map((set) => set.filter((f) => !fields.includes(f)));
  const nearest = gaps.reduce((best, gap) => (gap.length < best.length ? gap : best), gaps[0] ?? []);
  return { cloud, account, complete: nearest.length === 0, fields: [...fields].sort(), missing: nearest };
}

export async function credentialStatuses(store: SecretStore): Promise<CredentialStatus[]> {
  const out: CredentialStatus[] = [];
  for (const cloud of CLOUDS) {
    const byAccount = new Map<string, string[]>();
    for (const name of await store.list(`escher/${cloud}/`)) {
      const [, , account, field] = name.split('/');
      if (!account || !field) continue;
      byAccount.set(account, [...(byAccount.get(account) ?? []), field]);
    }
    for (const [account, fields] of [...byAccount].sort(([a], [b]) => a.localeCompare(b))) {
      out.push(statusOf(cloud, account, fields));
    }
  }
  return out;
}
