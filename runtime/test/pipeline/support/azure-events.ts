// Azure events as the platform delivers them, built from the vendors' documented payloads
// (test/fixtures/events/azure) with the resource ids swapped for the test's own.

import { readFileSync } from 'node:fs';

const fixture = (path: string) =>
  readFileSync(new URL(`../../fixtures/events/azure/${path}`, import.meta.url), 'utf8');

const FIXTURE_STORAGE_ACCOUNT =
  '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourcegroups/rg-docs/providers/Microsoft.Storage/storageAccounts/stdocs001';
const FIXTURE_SUBSCRIPTION = '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21';

/** Event Grid (Event Grid schema, a batch of one): a storage account's settings were written. */
export function storageAccountWritten(accountId: string, subscription: string, eventId: string): unknown {
  const text = fixture('event-grid/resource-write-success.json')
    .replaceAll(FIXTURE_STORAGE_ACCOUNT, accountId)
    .replaceAll(FIXTURE_SUBSCRIPTION, subscription)
    .replace('4db48cba-50a2-455a-93b4-de41a3b5b7f6', eventId);
  return JSON.parse(text);
}

const FIXTURE_VM =
  /\/subscriptions\/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e\/resource[gG]roups\/test-RG\/providers\/[mM]icrosoft\.[cC]ompute\/virtual[mM]achines\/test-VM/g;

/**
 * Azure Monitor activity-log alert (common alert schema): someone wrote a security rule of
 * a network security group. `alertId` makes the delivery unique.
 */
export function nsgRuleWritten(ruleId: string, subscription: string, alertId: string): unknown {
  const text = fixture('monitor-alert/test-activity-log-administrative.json')
    .replace(FIXTURE_VM, ruleId)
    .replaceAll(
      'Microsoft.Compute/virtualMachines/restart/action',
      'Microsoft.Network/networkSecurityGroups/securityRules/write',
    )
    .replace('activityLogAlerts/Test_Alert', `activityLogAlerts/${alertId}`)
    .replaceAll('aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e', subscription);
  return JSON.parse(text);
}
