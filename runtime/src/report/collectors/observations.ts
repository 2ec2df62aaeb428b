// What collectors hand to the pure analysis: raw facts per cloud and account, already in
// one vocabulary for all three clouds. Deciding (idle, savings, severity) happens later.

import type { CloudProvider, ReportSectionName } from '@escher/shared';

export interface CostLine {
  /** YYYY-MM-DD, the usage day. */
  date: string;
  service: string;
  amount: number;
}

export interface InstanceFact {
  id: string;
  name: string;
  region: string;
  size: string;
  state: string;
  environment?: string;
  created_at?: string;
  created_by?: string;
  /** Daily average CPU percent, oldest first; empty when no datapoints. */
  cpu_daily: number[];
}

export interface VolumeFact {
  id: string;
  name: string;
  region: string;
  size_gb: number;
  encrypted: boolean;
  attached: boolean;
  volume_type: string;
  environment?: string;
}

export interface SnapshotFact {
  id: string;
  region: string;
  size_gb: number;
  created_at: string;
  source_volume?: string;
}

export interface ExposureFact {
  kind: 'public_bucket' | 'open_admin_port' | 'weak_password_policy' | 'root_without_mfa';
  resource_id: string;
  name: string;
  region: string;
  detail: string;
  environment?: string;
}

export interface HealthFact {
  kind: 'failed_backup' | 'stopped_service' | 'failed_deployment' | 'runtime_alert';
  resource_id: string;
  name: string;
  region: string;
  detail: string;
  severity?: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'INFO';
}

export type Observation =
  | { section: 'cost'; as_of: string; lines: CostLine[] }
  | { section: 'security'; exposures: ExposureFact[]; volumes: VolumeFact[] }
  | {
      section: 'optimisation';
      instances: InstanceFact[];
      volumes: VolumeFact[];
      snapshots: SnapshotFact[];
      /** Every volume id that exists, to tell whether a snapshot's source is gone. */
      volume_ids: string[];
    }
  | { section: 'health'; facts: HealthFact[] };

export type Observed<S extends ReportSectionName = ReportSectionName> = Extract<
  Observation,
  { section: S }
> & {
  cloud: CloudProvider;
  account: string;
};
