// One contract server for the GCP catalog entries: Compute Engine (instances, firewalls,
// operations) and the Cloud Storage bucket IAM routes, wired as the runner wires them.

import type { OperationTarget } from '@escher/shared';
import { OAuth2Client } from 'google-auth-library';
import { GcpClients } from '../../../src/clouds/gcp/clients.js';
import { type GcpRemediationClients, gcpRemediationClients } from '../../../src/remediation/gcp/clients.js';
import { gce } from '../../contract/gce.js';
import { gceFirewall } from '../../contract/gce-firewall.js';
import { gcsIam } from '../../contract/gcs-iam.js';
import { type ContractServer, startContractServer } from '../../contract/server.js';
import { runtimeEnvWith } from '../../support/emulators.js';
import { contextsIn } from '../executor-context.js';

export const PROJECT = 'acme-prod-123';

export interface GcpWorld {
  server: ContractServer;
  compute: ReturnType<typeof gce>;
  firewall: ReturnType<typeof gceFirewall>;
  gcs: ReturnType<typeof gcsIam>;
  clients(target: OperationTarget): Promise<GcpRemediationClients>;
}

export async function startGcpWorld(): Promise<GcpWorld> {
  const compute = gce({ inProgressPolls: 1 });
  const firewall = gceFirewall({ inProgressPolls: 1 });
  const gcs = gcsIam();
  const server = await startContractServer({
    routes: [...compute.routes, ...firewall.routes, ...gcs.routes],
  });
  // A fixed access token: the contract server does not check it, only that one is sent.
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  const env = runtimeEnvWith({ ESCHER_GCE_ENDPOINT: server.url, STORAGE_EMULATOR_HOST: server.url });
  return {
    server,
    compute,
    firewall,
    gcs,
    clients: gcpRemediationClients(new GcpClients(env, { authClient })),
  };
}

export const contextFor = contextsIn({ cloud: 'gcp', account: PROJECT, region: 'europe-west1' });
