// Step: load state. Reads only what this event needs: the resource's estate record, the
// user's remediation settings, earlier incidents on the same resource and approval
// requests already stored for this event.

import {
  type ApprovalRequest,
  ApprovalRequestSchema,
  type EstateResource,
  EstateResourceSchema,
  estateAccountPrefix,
  estateRecordId,
  type PreviousIncident,
  PreviousIncidentSchema,
  UNKNOWN,
  type UnifiedEvent,
} from '@escher/shared';
import type { RunnerState } from './state.js';

export const SETTINGS_ID = 'settings:remediation';
export const approvalPrefix = (eventId: string) => `approval:${eventId}|`;
export const incidentPrefix = (e: Pick<UnifiedEvent, 'cloud_provider' | 'account_id' | 'resource'>) =>
  `incident:${e.cloud_provider}:${e.account_id}:${e.resource.id}:`;

export interface LoadedState {
  estate?: EstateResource | undefined;
  storedSettings?: unknown;
  previousIncidents: PreviousIncident[];
  approvals: ApprovalRequest[];
}

async function findEstate(state: RunnerState, event: UnifiedEvent): Promise<EstateResource | undefined> {
  const ids = [event.resource.id, event.resource.name].filter(Boolean);
  for (const resource_id of ids) {
    for (const region of [event.region, 'global']) {
      const id = estateRecordId({
        cloud_provider: event.cloud_provider,
        account_id: event.account_id,
        region,
        resource_id,
      });
      const found = await state.getRecord('cloud_estate', id);
      if (found) return EstateResourceSchema.parse(found);
    }
  }
  // Some events do not say where the resource lives (Azure Event Grid and Activity Log
  // events carry no location): the account's records are searched by resource id instead.
  if (event.region !== UNKNOWN) return undefined;
  // Azure resource ids are case-insensitive; its events and its list APIs differ in case.
  const same =
    event.cloud_provider === 'azure'
      ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
      : (a: string, b: string) => a === b;
  for (const record of await state.listRecords('cloud_estate', estateAccountPrefix(event))) {
    const parsed = EstateResourceSchema.safeParse(record);
    if (parsed.success && ids.some((id) => same(parsed.data.resource_id, id))) return parsed.data;
  }
  return undefined;
}

export async function loadState(state: RunnerState, event: UnifiedEvent): Promise<LoadedState> {
  const [estate, storedSettings, incidents, approvals] = await Promise.all([
    findEstate(state, event),
    state.getRecord('alerts_events', SETTINGS_ID),
    state.listRecords('alerts_events', incidentPrefix(event)),
    state.listRecords('alerts_events', approvalPrefix(event.event_id)),
  ]);
  const previousIncidents = incidents
    .map((i) => PreviousIncidentSchema.safeParse(i))
    .flatMap((r) => (r.success ? [r.data] : []))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, 20);
  return {
    estate,
    storedSettings: storedSettings?.settings,
    previousIncidents,
    approvals: approvals.map((a) => ApprovalRequestSchema.parse(a)),
  };
}
