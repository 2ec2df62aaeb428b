// Azure Compute (ARM) virtual machine routes: list by subscription and resource group
// with `nextLink` paging (and statusOnly power states), get with $expand=instanceView,
// instanceView, and the deallocate/start/powerOff actions as long-running operations;
// managed disks and snapshots listed by subscription. Shapes follow the Microsoft.Compute
// REST reference ("Virtual Machines - List All", "- Get", "- Instance View",
// "- Deallocate", "- Start", "- Power Off", "Disks - List", "Snapshots - List").

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
  /** Set: the VM's last provisioning failed with this error code (e.g. AllocationFailed). */
  provisioningError?: string;
  timeCreated?: string;
}

export interface FakeDisk {
  subscription: string;
  resourceGroup: string;
  name: string;
  location: string;
  sizeGb: number;
  sku: 'Premium_LRS' | 'StandardSSD_LRS' | 'Standard_LRS';
  /** The VM id it is attached to; none: diskState Unattached. */
  managedBy?: string;
  tags: Record<string, string>;
}

export interface FakeSnapshot {
  subscription: string;
  resourceGroup: string;
  name: string;
  location: string;
  sizeGb: number;
  /** Id of the disk it was taken from (that disk may be gone since). */
  sourceDiskId: string;
  timeCreated: string;
  provisioningState: 'Succeeded' | 'Failed';
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
  const provisioning = vm.provisioningError
    ? {
        code: `ProvisioningState/failed/${vm.provisioningError}`,
        level: 'Error',
        displayStatus: 'Provisioning failed',
        message: `Allocation failed. We do not have sufficient capacity for the requested VM size in this region.`,
      }
    : { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' };
  return {
    statuses: [
      provisioning,
      { code: `PowerState/${vm.power}`, level: 'Info', displayStatus: DISPLAY[vm.power] },
    ],
  };
}

const resourceId = (
  kind: 'disks' | 'snapshots',
  r: { subscription: string; resourceGroup: string; name: string },
) =>
  `/subscriptions/${r.subscription}/resourceGroups/${r.resourceGroup}/providers/Microsoft.Compute/${kind}/${r.name}`;
export const diskId = (d: Pick<FakeDisk, 'subscription' | 'resourceGroup' | 'name'>) =>
  resourceId('disks', d);
export const snapshotId = (s: Pick<FakeSnapshot, 'subscription' | 'resourceGroup' | 'name'>) =>
  resourceId('snapshots', s);
const TIER = { Premium_LRS: 'Premium', StandardSSD_LRS: 'Standard', Standard_LRS: 'Standard' } as const;

function diskBody(d: FakeDisk) {
  return {
    id: diskId(d),
    name: d.name,
    type: 'Microsoft.Compute/disks',
    location: d.location,
    tags: d.tags,
    ...(d.managedBy ? { managedBy: d.managedBy } : {}),
    sku: { name: d.sku, tier: TIER[d.sku] },
    properties: {
      osType: 'Linux',
      creationData: { createOption: 'Empty' },
      diskSizeGB: d.sizeGb,
      diskSizeBytes: d.sizeGb * 1024 ** 3,
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      timeCreated: '2026-01-05T10:00:00.0000000+00:00',
      provisioningState: 'Succeeded',
      diskState: d.managedBy ? 'Attached' : 'Unattached',
    },
  };
}

function snapshotBody(s: FakeSnapshot) {
  return {
    id: snapshotId(s),
    name: s.name,
    type: 'Microsoft.Compute/snapshots',
    location: s.location,
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    properties: {
      creationData: { createOption: 'Copy', sourceResourceId: s.sourceDiskId },
      diskSizeGB: s.sizeGb,
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      incremental: false,
      timeCreated: s.timeCreated,
      provisioningState: s.provisioningState,
    },
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
      provisioningState: vm.provisioningError ? 'Failed' : 'Succeeded',
      ...(vm.timeCreated ? { timeCreated: vm.timeCreated } : {}),
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
  disks: Map<string, FakeDisk>;
  snapshots: Map<string, FakeSnapshot>;
  lro: AzureLro;
  routes: Route[];
  /** Actions POSTed, as "<action> <vm name>". */
  actions: string[];
}

export function azureCompute(options: { inProgressPolls?: number } = {}): AzureComputeState {
  const vms = new Map<string, FakeVm>();
  const disks = new Map<string, FakeDisk>();
  const snapshots = new Map<string, FakeSnapshot>();
  const actions: string[] = [];
  const lro = azureLro({
    provider: 'Microsoft.Compute',
    apiVersion: COMPUTE_API_VERSION,
    ...(options.inProgressPolls !== undefined ? { inProgressPolls: options.inProgressPolls } : {}),
  });
  const find = (p: Record<string, string>) =>
    vms.get(vmId({ subscription: p.sub ?? '', resourceGroup: p.rg ?? '', name: p.vm ?? '' }).toLowerCase());

  const paged = (req: ContractRequest, all: unknown[]): ContractResponse => {
    const skip = Number(req.query.get('$skiptoken') ?? '0');
    const next = new URL(`https://${req.headers.host}${req.path}`);
    for (const [k, v] of req.query) if (k !== '$skiptoken') next.searchParams.set(k, v);
    next.searchParams.set('$skiptoken', String(skip + PAGE_SIZE));
    return {
      status: 200,
      body: {
        value: all.slice(skip, skip + PAGE_SIZE),
        ...(skip + PAGE_SIZE < all.length ? { nextLink: next.toString() } : {}),
      },
    };
  };
  const list = (req: ContractRequest, match: (vm: FakeVm) => boolean): ContractResponse => {
    const withView = req.query.get('statusOnly') === 'true' || req.query.get('$expand') === 'instanceView';
    return paged(
      req,
      [...vms.values()].filter(match).map((vm) => body(vm, withView)),
    );
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
      path: '/subscriptions/{sub}/providers/Microsoft.Compute/disks',
      handler: (req) =>
        paged(req, [...disks.values()].filter((d) => d.subscription === req.params.sub).map(diskBody)),
    },
    {
      method: 'GET',
      path: '/subscriptions/{sub}/providers/Microsoft.Compute/snapshots',
      handler: (req) =>
        paged(
          req,
          [...snapshots.values()].filter((x) => x.subscription === req.params.sub).map(snapshotBody),
        ),
    },
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
  return { vms, disks, snapshots, lro, routes, actions };
}

export function addDisk(state: AzureComputeState, disk: FakeDisk): FakeDisk {
  state.disks.set(diskId(disk).toLowerCase(), disk);
  return disk;
}

export function addSnapshot(state: AzureComputeState, snapshot: FakeSnapshot): FakeSnapshot {
  state.snapshots.set(snapshotId(snapshot).toLowerCase(), snapshot);
  return snapshot;
}

export function addVm(state: AzureComputeState, vm: FakeVm): FakeVm {
  state.vms.set(vmId(vm).toLowerCase(), vm);
  return vm;
}
