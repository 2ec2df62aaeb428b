// The Azure "Extend My Laptop" runtime as one component: resource group, state and
// secrets, identities and roles, the scheduled and real-time workflows that run the
// runner image in Container Instances.

import * as authorization from '@pulumi/azure-native/authorization/index.js';
import * as resources from '@pulumi/azure-native/resources/index.js';
import * as pulumi from '@pulumi/pulumi';
import { assignRole, declareAccess, declareIdentities } from './access.js';
import type { AzureStackConfig } from './config.js';
import { BUILT_IN_ROLES, roleDefinitionId } from './names.js';
import { declareEventRoutes, declareSchedules } from './runs.js';
import {
  AUDIT_CONTAINER,
  DEADLETTER_CONTAINER,
  declareStateAndSecrets,
  STATE_CONTAINER,
} from './state-and-secrets.js';
import type { RunnerSpec } from './workflow.js';

export class ExtendedRuntime extends pulumi.ComponentResource {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly stateStoreUrl: string;
  /** Where the runner mirrors committed audit records: the container under time-based retention. */
  readonly auditStoreUrl: string;
  readonly secretsUrl: string;
  readonly runnerClientId: pulumi.Output<string>;
  readonly eventWebhookUrl: pulumi.Output<string>;
  readonly alertsActionGroupId: pulumi.Output<string>;

  constructor(name: string, config: AzureStackConfig, opts?: pulumi.ComponentResourceOptions) {
    super('escher:azure:ExtendedRuntime', name, {}, opts);
    const rg = new resources.ResourceGroup(
      `${name}-rg`,
      { resourceGroupName: config.resourceGroup, location: config.location },
      { parent: this },
    );
    const tenantId = authorization.getClientConfigOutput({ parent: this }).apply((c) => c.tenantId);
    const data = declareStateAndSecrets(name, config, rg.name, tenantId, this);
    const ids = declareIdentities(name, config, rg.name, this);
    declareAccess(
      name,
      config,
      ids,
      { resourceGroup: rg.id, account: data.account.id, vault: data.vault.id },
      this,
    );

    this.stateStoreUrl = `az://${data.accountName}/${STATE_CONTAINER}/state`;
    this.auditStoreUrl = `az://${data.accountName}/${AUDIT_CONTAINER}/audit`;
    this.secretsUrl = `keyvault://${data.vaultName}`;
    const spec: pulumi.Output<RunnerSpec> = pulumi
      .all([ids.runner.id, ids.runner.clientId, ids.scheduler.id])
      .apply(
        ([runnerIdentityId, clientId, schedulerIdentityId]): RunnerSpec => ({
          subscriptionId: config.subscriptionId,
          resourceGroup: config.resourceGroup,
          location: config.location,
          groupPrefix: config.extension.name,
          image: config.image,
          cpu: config.options.cpu,
          memoryGb: config.options.memoryGb,
          runnerIdentityId,
          schedulerIdentityId,
          deadLetterUrl: `https://${data.accountName}.blob.core.windows.net/${DEADLETTER_CONTAINER}`,
          env: {
            ESCHER_STORE: this.stateStoreUrl,
            ESCHER_AUDIT_STORE: this.auditStoreUrl,
            ESCHER_SECRETS: this.secretsUrl,
            ESCHER_CONFIG: JSON.stringify(config.extension),
            // Makes DefaultAzureCredential pick the runner's user-assigned identity.
            AZURE_CLIENT_ID: clientId,
            ...(config.extension.ai_url ? { ESCHER_AI_URL: config.extension.ai_url } : {}),
          },
        }),
      );
    const runsInput = {
      spec,
      resourceGroupName: rg.name,
      schedulerIdentityId: ids.scheduler.id,
      accountId: data.account.id,
      deadletterContainer: DEADLETTER_CONTAINER,
    };
    declareSchedules(name, config, runsInput, this);
    const events = declareEventRoutes(name, config, runsInput, this);
    // Event Grid and the workflows keep what they could not deliver in the dead-letter container.
    const deadLetterWriter = roleDefinitionId(
      config.subscriptionId,
      BUILT_IN_ROLES.storageBlobDataContributor,
    );
    const deadLetterScope = data.deadletterContainer.id;
    assignRole(
      `${name}-events-deadletter`,
      { principal: events.topicPrincipalId, role: deadLetterWriter, scope: deadLetterScope },
      this,
    );
    assignRole(
      `${name}-scheduler-deadletter`,
      { principal: ids.scheduler, role: deadLetterWriter, scope: deadLetterScope },
      this,
    );

    this.resourceGroupName = rg.name;
    this.runnerClientId = ids.runner.clientId;
    this.eventWebhookUrl = events.callbackUrl;
    this.alertsActionGroupId = events.actionGroupId;
    this.registerOutputs({
      resourceGroupName: this.resourceGroupName,
      stateStoreUrl: this.stateStoreUrl,
      auditStoreUrl: this.auditStoreUrl,
      secretsUrl: this.secretsUrl,
      runnerClientId: this.runnerClientId,
      eventWebhookUrl: this.eventWebhookUrl,
      alertsActionGroupId: this.alertsActionGroupId,
    });
  }
}
