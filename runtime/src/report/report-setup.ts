// Which accounts the report collects from, and the cloud clients it uses, from the
// deployment config and the environment. A cloud without a config section gets no scope,
// so its collectors report "not configured" instead of failing.

import type { ExtensionConfig } from '@escher/shared';
import { AwsClients } from '../clouds/aws/clients.js';
import { AzureClients } from '../clouds/azure/clients.js';
import { GcpClients } from '../clouds/gcp/clients.js';
import type { RuntimeEnv } from '../config/env.js';
import type { CollectContext, CollectScope } from './collectors/collector.js';

export interface ReportSetup {
  scopes: CollectScope[];
  context: Omit<CollectContext, 'now' | 'thresholds' | 'state'>;
}

export function reportSetup(env: RuntimeEnv, config: ExtensionConfig | undefined): ReportSetup {
  const scopes: CollectScope[] = [];
  const context: ReportSetup['context'] = { metricCalls: { count: 0 } };
  if (config?.aws) {
    scopes.push({ cloud: 'aws', account: config.aws.account, region: config.aws.region });
    context.aws = new AwsClients(env, {
      homeAccount: config.aws.account,
      ...(env.ESCHER_AWS_MEMBER_ROLE ? { memberRole: env.ESCHER_AWS_MEMBER_ROLE } : {}),
    });
  }
  if (config?.azure) {
    scopes.push({ cloud: 'azure', account: config.azure.subscription_id, region: config.azure.location });
    context.azure = new AzureClients(env);
  }
  if (config?.gcp) {
    const table = env.ESCHER_GCP_BILLING_TABLE;
    scopes.push({
      cloud: 'gcp',
      account: config.gcp.project,
      region: config.gcp.region,
      ...(table ? { billing_table: table } : {}),
    });
    context.gcp = new GcpClients(env);
  }
  return { scopes, context };
}
