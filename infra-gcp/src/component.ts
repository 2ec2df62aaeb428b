// The GCP "Extend My Laptop" runtime as one component: project APIs, state and secrets,
// identities, the Cloud Run service and job with their schedules, and the event routes.

import * as organizations from '@pulumi/gcp/organizations/index.js';
import * as projects from '@pulumi/gcp/projects/index.js';
import * as pulumi from '@pulumi/pulumi';
import type { ChildOptions } from './child-options.js';
import type { GcpStackConfig } from './config.js';
import { declareEvents } from './events.js';
import { declareIdentities } from './identities.js';
import { declareRunner } from './runner.js';
import { declareStateAndSecrets } from './state-and-secrets.js';

export const REQUIRED_APIS: readonly string[] = [
  'cloudscheduler.googleapis.com',
  'iam.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'pubsub.googleapis.com',
  'run.googleapis.com',
  'secretmanager.googleapis.com',
  'storage.googleapis.com',
];

export class ExtendedRuntime extends pulumi.ComponentResource {
  readonly stateStoreUrl: string;
  /** Where the runner mirrors committed audit records: the bucket under a retention policy. */
  readonly auditStoreUrl: string;
  readonly secretsUrl: string;
  readonly eventsServiceUrl: pulumi.Output<string>;
  readonly taskJobName: pulumi.Output<string>;
  readonly eventsTopic: pulumi.Output<string>;
  readonly alertsNotificationChannel: pulumi.Output<string>;

  constructor(name: string, config: GcpStackConfig, opts?: pulumi.ComponentResourceOptions) {
    super('escher:gcp:ExtendedRuntime', name, {}, opts);
    const { project, extension } = config;
    // Left enabled on destroy: other workloads in the project may rely on them.
    const apis = REQUIRED_APIS.map(
      (service) =>
        new projects.Service(
          `${name}-api-${service.split('.')[0]}`,
          { project, service, disableOnDestroy: false },
          { parent: this },
        ),
    );
    const child: ChildOptions = { parent: this, dependsOn: apis };
    // Service agents and IAM conditions name the project by number.
    const projectNumber = organizations
      .getProjectOutput({ projectId: project }, { parent: this })
      .apply((p) => p.number);
    const ids = declareIdentities(name, config, child);
    const buckets = declareStateAndSecrets(name, config, ids.runnerMember, projectNumber, child);

    this.stateStoreUrl = `gs://${buckets.stateBucket}/state`;
    this.auditStoreUrl = `gs://${buckets.auditBucket}/audit`;
    this.secretsUrl = `gsm://${project}`;
    const env: Record<string, string> = {
      ESCHER_STORE: this.stateStoreUrl,
      ESCHER_AUDIT_STORE: this.auditStoreUrl,
      ESCHER_SECRETS: this.secretsUrl,
      ESCHER_CONFIG: JSON.stringify(extension),
      ...(extension.ai_url ? { ESCHER_AI_URL: extension.ai_url } : {}),
    };
    const runner = declareRunner(name, config, ids, env, child);
    const events = declareEvents(name, config, ids, runner, projectNumber, child);

    this.eventsServiceUrl = runner.service.uri;
    this.taskJobName = runner.job.name;
    this.eventsTopic = events.topic.id;
    this.alertsNotificationChannel = events.notificationChannel.name;
    this.registerOutputs({
      stateStoreUrl: this.stateStoreUrl,
      auditStoreUrl: this.auditStoreUrl,
      secretsUrl: this.secretsUrl,
      eventsServiceUrl: this.eventsServiceUrl,
      taskJobName: this.taskJobName,
      eventsTopic: this.eventsTopic,
      alertsNotificationChannel: this.alertsNotificationChannel,
    });
  }
}
