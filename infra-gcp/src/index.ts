// The Pulumi program: read and check the deployment file (before any resource exists),
// pin the provider to the configured project and region, declare the runtime, export
// what the laptop needs (store and secrets URLs for `escher creds put` and the destroy export).

import { resolve } from 'node:path';
import { Provider } from '@pulumi/gcp/provider.js';
import * as pulumi from '@pulumi/pulumi';
import { ExtendedRuntime } from './component.js';
import { parseGcpStackConfig, readDeploymentFile } from './config.js';

const stackConfig = new pulumi.Config('escher');
const configFile = resolve(stackConfig.get('configFile') ?? '../escher.config.yaml');
const config = parseGcpStackConfig(readDeploymentFile(configFile), {
  cpu: stackConfig.get('cpu'),
  memory: stackConfig.get('memory'),
  maxInstances: stackConfig.getNumber('maxInstances'),
  eventsIngress: stackConfig.get('eventsIngress'),
  lockAuditRetention: stackConfig.getBoolean('lockAuditRetention'),
});

const provider = new Provider('gcp', { project: config.project, region: config.region });
const runtime = new ExtendedRuntime(config.extension.name, config, { providers: [provider] });

export const stateStoreUrl = runtime.stateStoreUrl;
export const auditStoreUrl = runtime.auditStoreUrl;
export const secretsUrl = runtime.secretsUrl;
export const eventsServiceUrl = runtime.eventsServiceUrl;
export const taskJobName = runtime.taskJobName;
export const eventsTopic = runtime.eventsTopic;
export const alertsNotificationChannel = runtime.alertsNotificationChannel;
