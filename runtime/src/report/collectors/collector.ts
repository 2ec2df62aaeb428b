// One collector: one cloud, one report section, one module. It returns facts or throws;
// the runner turns a throw into an "unavailable" section with the reason.

import type { CloudProvider, ReportSectionName, ReportThresholds } from '@escher/shared';
import type { AwsClients } from '../../clouds/aws/clients.js';
import type { AzureClients } from '../../clouds/azure/clients.js';
import type { GcpClients } from '../../clouds/gcp/clients.js';
import type { RunnerState } from '../../pipeline/state.js';
import type { Observation } from './observations.js';

/** One account, subscription or project (and its home region) to collect from. */
export interface CollectScope {
  cloud: CloudProvider;
  account: string;
  region: string;
  /** GCP billing export table, `project.dataset.table`, when billing is exported to BigQuery. */
  billing_table?: string;
}

export interface CollectContext {
  aws?: AwsClients;
  azure?: AzureClients;
  gcp?: GcpClients;
  state?: RunnerState;
  now: Date;
  thresholds: ReportThresholds;
  /** Counts metric API calls (GetMetricData, metrics list, timeSeries.list) for the bench. */
  metricCalls: { count: number };
}

export interface Collector {
  name: string;
  cloud: CloudProvider;
  section: ReportSectionName;
  collect(scope: CollectScope, ctx: CollectContext): Promise<Observation>;
}
