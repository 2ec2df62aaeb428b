// The Pulumi program: read and check the deployment file (before any resource exists),
// pin the provider to the configured subscription, declare the runtime, export what the
// laptop needs (store and secrets URLs for `escher creds put` and the destroy export).

import { resolve } from 'node:path';
import { Provider } from '@pulumi/azure-native/provider.js';
import * as pulumi from '@pulumi/pulumi';
import { ExtendedRuntime } from './component.js';
import { parseAzureStackConfig, readDeploymentFile } from './config.js';

const stackConfig = new pulumi.Config('escher');
const configFile = resolve(stackConfig.get('configFile') ?? '../escher.config.yaml');
const config = parseAzureStackConfig(readDeploymentFile(configFile), {
  keyVaultPublicNetworkAccess: stackConfig.get('keyVaultPublicNetworkAccess'),
  cpu: stackConfig.getNumber('cpu'),
  memoryGb: stackConfig.getNumber('memoryGb'),
});

const provider = new Provider('azure', { subscriptionId: config.subscriptionId, location: config.location });
const runtime = new ExtendedRuntime(config.extension.name, config, { providers: [provider] });

export const resourceGroupName = runtime.resourceGroupName;
export const stateStoreUrl = runtime.stateStoreUrl;
export const auditStoreUrl = runtime.auditStoreUrl;
export const secretsUrl = runtime.secretsUrl;
export const runnerClientId = runtime.runnerClientId;
export const eventWebhookUrl = runtime.eventWebhookUrl;
export const alertsActionGroupId = runtime.alertsActionGroupId;
