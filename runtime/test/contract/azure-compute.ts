// Azure Compute (ARM) virtual machine routes: list by subscription and resource group
// with `nextLink` paging (and statusOnly power states), get with $expand=instanceView,
// instanceView, and the deallocate/start/powerOff actions as long-running operations.
// Shapes follow the Microsoft.Compute REST reference ("Virtual Machines - List All",
// "- Get", "- Instance View", "- Deallocate", "- Start", "- Power Off").

import { type AzureLro, azureLro } from './azure-lro.js';
import type { ContractRequest, ContractResponse, Route } from './server.js';

export const COMPUTE_API_VERSION = '2026-04-01';
const PAGE_SIZE = 50;

export type AzurePowerState =
  | 'running'
  | 'starting'
  | 'stopping'
  | 'stopped'
  | 'deallocating'
  | 'deallocated';

export interface FakeVm {
  subscription: string;
  resourceGroup: string;
  name: string;
  location: string;
  size: string;
  tags: Record<string, string>;
  power: AzurePowerState;
}

export const vmId = (vm: Pick<FakeVm, 'subscription' | 'resourceGroup' | 'name'>) =>
  `/subscriptions/${vm.subscription}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`;

const DISPLAY: Record<AzurePowerState, string> = {
  running: 'VM running',
  starting: 'VM starting',
  stopping: 'VM stopping',
  stopped: 'VM stopped',
  deallocating: 'VM deallocating',
  deallocated: 'VM deallocated',
};

function instanceView(vm: FakeVm) {
  return {
    statuses: [
      { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' },
      { code: `PowerState/${vm.power}`, level: 'Info', displayStatus: DISPLAY[vm.power] },
    ],
  };
}

function body(vm: FakeVm, withView: boolean) {
  return {
    name: vm.name,
    id: vmId(vm),
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    tags: vm.tags,
    properties: {
      vmId: `00000000-0000-4000-8000-${Buffer.from(vm.name).toString('hex').slice(0, 12).padEnd(12, '0')}`,
      hardwareProfile: { vmSize: vm.size },
      provisioningState: 'Succeeded',
      ...(withView ? { instanceView: instanceView(vm) } : {}),
    },
  };
}

const notFound = (what: string): ContractResponse => ({
  status: 404,
  body: { error: { code: 'ResourceNotFound', message: `The Resource '${what}' was not found.` } },
});

export interface AzureComputeState {
  vms: Map<string, FakeVm>;
  lro: AzureLro;
  routes: Route[];
  /** Actions POSTed, as "<action> <vm name>". */
  actions: string[];
}

export function azureCompute(options: { inProgressPolls?: number } = {}): AzureComputeState {
  const vms = new Map<string, FakeVm>();
  const actions: string[] = [];
  const lro = azureLro({
    provider: 'Microsoft.Compute',
    apiVersion: COMPUTE_API_VERSION,
    ...(options.inProgressPolls !== undefined ? { inProgressPolls: options.inProgressPolls } : {}),
  });
  const find = (p: Record<string, string>) =>
    vms.get(vmId({ subscription: p.sub ?? '', resourceGroup: p.rg ?? '', name: p.vm ?? '' }).toLowerCase());

  const list = (req: ContractRequest, match: (vm: FakeVm) => boolean): ContractResponse => {
    const all = [...vms.values()].filter(match);
    const skip = Number(req.query.get('$skiptoken') ?? '0');
    const page = all.slice(skip, skip + PAGE_SIZE);
    const withView = req.query.get('statusOnly') === 'true' || req.query.get('$expand') === 'instanceView';
    const next = new URL(`https://${req.headers.host}${req.path}`);
    for (const [k, v] of req.query) if (k !== '$skiptoken') next.searchParams.set(k, v);
    next.searchParams.set('$skiptoken', String(skip + PAGE_SIZE));
    return {
      status: 200,
      body: {
        value: page.map((vm) => body(vm, withView)),
        ...(skip + PAGE_SIZE < all.length ? { nextLink: next.toString() } : {}),
      },
    };
  };

  const TRANSITION: Record<string, [AzurePowerState, AzurePowerState]> = {
    deallocate: ['deallocating', 'deallocated'],
    start: ['starting', 'running'],
    powerOff: ['stopping', 'stopped'],
  };

  const routes: Route[] = [
    ...lro.routes,
    {
      method: 'GET',
      path: '/subscriptions/{sub}/providers/Microsoft.Compute/virtualMachines',
      handler: (req) => list(req, (vm) => vm.subscription === req.params.sub),
    },
    {
      method: 'GET',
      path: '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines',
      handler: (req) =>
        list(
          req,
          (vm) =>
            vm.subscription === req.params.sub &&
            vm.resourceGroup.toLowerCase() === req.params.rg?.toLowerCase(),
        ),
    },
    {
      method: 'GET',
      path: '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}',
      handler: (req) => {
        const vm = find(req.params);
        return vm
          ? { status: 200, body: body(vm, req.query.get('$expand') === 'instanceView') }
          : notFound(req.params.vm ?? '');
      },
    },
    {
      method: 'GET',
      path: '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}/instanceView',
      handler: (req) => {
        const vm = find(req.params);
        return vm ? { status: 200, body: instanceView(vm) } : notFound(req.params.vm ?? '');
      },
    },
    {
      method: 'POST',
      path: '/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}/{action}',
      handler: (req) => {
        const vm = find(req.params);
        const transition = TRANSITION[req.params.action ?? ''];
        if (!transition) return notFound(req.path);
        if (!vm) return notFound(req.params.vm ?? '');
        actions.push(`${req.params.action} ${vm.name}`);
        vm.power = transition[0];
        return lro.accept(req, vm.subscription, vm.location, () => {
          vm.power = transition[1];
        });
      },
    },
  ];
  return { vms, lro, routes, actions };
}

export function addVm(state: AzureComputeState, vm: FakeVm): FakeVm {
  state.vms.set(vmId(vm).toLowerCase(), vm);
  return vm;
}
