// Azure Resource Manager resource groups and template deployments: "Resource Groups -
// List" (GET /subscriptions/{sub}/resourcegroups) and "Deployments - List By Resource
// Group" (GET …/resourcegroups/{rg}/providers/Microsoft.Resources/deployments, with
// $filter=provisioningState eq '<state>'). A failed deployment carries its error.

import type { Route } from './server.js';

export interface FakeDeployment {
  subscription: string;
  resourceGroup: string;
  name: string;
  provisioningState: 'Succeeded' | 'Failed' | 'Running';
  timestamp: string;
  error?: { code: string; message: string };
}

export interface AzureResourcesState {
  /** Subscription → resource group name → location. */
  groups: Map<string, Map<string, string>>;
  deployments: FakeDeployment[];
  routes: Route[];
}

const FILTER = /^provisioningState eq '(\w+)'$/i;

export function azureResources(): AzureResourcesState {
  const groups = new Map<string, Map<string, string>>();
  const deployments: FakeDeployment[] = [];
  return {
    groups,
    deployments,
    routes: [
      {
        method: 'GET',
        path: '/subscriptions/{sub}/resourcegroups',
        handler: (req) => ({
          status: 200,
          body: {
            value: [...(groups.get(req.params.sub ?? '') ?? new Map<string, string>())].map(
              ([name, location]) => ({
                id: `/subscriptions/${req.params.sub}/resourceGroups/${name}`,
                name,
                type: 'Microsoft.Resources/resourceGroups',
                location,
                properties: { provisioningState: 'Succeeded' },
              }),
            ),
          },
        }),
      },
      {
        method: 'GET',
        path: '/subscriptions/{sub}/resourcegroups/{rg}/providers/Microsoft.Resources/deployments',
        handler: (req) => {
          const filter = req.query.get('$filter');
          const state = filter ? FILTER.exec(filter)?.[1] : undefined;
          if (filter && !state)
            return {
              status: 400,
              body: { error: { code: 'InvalidFilter', message: `Invalid $filter '${filter}'` } },
            };
          const found = deployments.filter(
            (d) =>
              d.subscription === req.params.sub &&
              d.resourceGroup.toLowerCase() === req.params.rg?.toLowerCase() &&
              (!state || d.provisioningState.toLowerCase() === state.toLowerCase()),
          );
          return {
            status: 200,
            body: {
              value: found.map((d) => ({
                id: `/subscriptions/${d.subscription}/resourceGroups/${d.resourceGroup}/providers/Microsoft.Resources/deployments/${d.name}`,
                name: d.name,
                type: 'Microsoft.Resources/deployments',
                properties: {
                  provisioningState: d.provisioningState,
                  timestamp: d.timestamp,
                  duration: 'PT1M2.5S',
                  correlationId: '00000000-0000-4000-8000-000000000001',
                  mode: 'Incremental',
                  ...(d.error ? { error: d.error } : {}),
                },
              })),
            },
          };
        },
      },
    ],
  };
}
