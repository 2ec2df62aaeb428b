import { readFileSync } from 'node:fs';
import { RemediationSettingsSchema, type UnifiedEvent } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { candidatesFor } from '../../src/policy/candidates.js';

const settings = RemediationSettingsSchema.parse({});
const fixture = (path: string) => readFileSync(`test/fixtures/events/${path}`, 'utf8');

/** Normalises one vendor payload (after `edit` on its text) and returns its single event. */
function eventOf(path: string, edit: (text: string) => string = (t) => t): UnifiedEvent {
  const { events, errors } = normalize(JSON.parse(edit(fixture(path))));
  expect(errors).toEqual([]);
  expect(events).toHaveLength(1);
  return events[0] as UnifiedEvent;
}

const actions = (event: UnifiedEvent) => candidatesFor(event, settings).map((c) => c.action);

const SUB = '/subscriptions/6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21/resourcegroups/rg-docs/providers';
const STORAGE = `${SUB}/Microsoft.Storage/storageAccounts/stdocs001`;
const RULE = `${SUB}/Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/allow-rdp`;

describe('candidatesFor Azure resource writes', () => {
  it('makes a storage account write from Event Grid a candidate for disallowing public access', () => {
    const event = eventOf('azure/event-grid/resource-write-success.json');
    expect(candidatesFor(event, settings)).toEqual([
      {
        action: 'azure.storage.disallow_public_access',
        target: {
          cloud: 'azure',
          account: '6f1e1a53-8c3e-4c8a-9a55-3f5b0e0f7c21',
          region: 'unknown',
          resource_type: 'storage_account',
          resource_id: STORAGE,
          name: 'stdocs001',
        },
        params: {},
      },
    ]);
  });

  it('does the same for the CloudEvents form of the write', () => {
    expect(actions(eventOf('azure/event-grid/cloudevents-write-success.json'))).toEqual([
      'azure.storage.disallow_public_access',
    ]);
  });

  it('makes an NSG security rule write a candidate for removing public admin rules', () => {
    const event = eventOf('azure/event-grid/resource-write-success.json', (t) =>
      t
        .replaceAll(STORAGE, RULE)
        .replaceAll(
          'Microsoft.Storage/storageAccounts/write',
          'Microsoft.Network/networkSecurityGroups/securityRules/write',
        ),
    );
    const [candidate] = candidatesFor(event, settings);
    expect(candidate?.action).toBe('azure.network.remove_public_admin_rule');
    expect(candidate?.target.resource_id).toBe(RULE);
    expect(candidate?.params).toEqual({
      ports: settings.admin_ports,
      allowed_cidrs: settings.allowed_admin_cidrs,
    });
  });

  it('offers nothing for a deleted storage account', () => {
    expect(actions(eventOf('azure/event-grid/resource-delete-success.json'))).toEqual([]);
  });

  it('offers nothing for a metric alert on a storage account', () => {
    expect(actions(eventOf('azure/monitor-alert/test-metric-static-threshold.json'))).toEqual([]);
  });
});

describe('candidatesFor idle alarms named by each cloud', () => {
  it('reads the Azure Monitor alert rule name', () => {
    const event = eventOf('azure/monitor-alert/test-metric-static-threshold.json', (t) =>
      t
        .replaceAll('test-metricAlertRule', 'escher-idle-test-VM')
        .replaceAll(
          'microsoft.storage/storageaccounts/test-storageAccount',
          'microsoft.compute/virtualmachines/test-VM',
        ),
    );
    expect(actions(event)).toEqual(['azure.compute.deallocate_vm']);
  });

  it('reads the Cloud Monitoring policy name', () => {
    const idle = eventOf('gcp/monitoring-incident/pubsub-open-error.json', (t) =>
      t.replaceAll('Test-incident-canary', 'escher-idle-instances'),
    );
    expect(actions(idle)).toEqual(['gcp.compute.stop_instance']);
    expect(actions(eventOf('gcp/monitoring-incident/pubsub-open-error.json'))).toEqual([]);
  });
});
