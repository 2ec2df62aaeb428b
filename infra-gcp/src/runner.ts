// The runner on Cloud Run: a service in `serve` mode for pushed events (scales to zero,
// IAM-authenticated: only the invoker account may call it, and the runner checks the
// token's audience and account again) and a job in `task`
// mode for scheduled and long work. Cloud Scheduler starts the job through the Cloud Run
// Admin API with ESCHER_TRIGGER set as a container override.

import * as cloudrunv2 from '@pulumi/gcp/cloudrunv2/index.js';
import * as cloudscheduler from '@pulumi/gcp/cloudscheduler/index.js';
import type * as pulumi from '@pulumi/pulumi';
import { after, type ChildOptions } from './child-options.js';
import type { GcpStackConfig } from './config.js';
import type { Identities } from './identities.js';
import { pushAudience } from './names.js';
import {
  DUE_TICK,
  dueTrigger,
  jobTrigger,
  RUNNER_CONTAINER,
  reportTrigger,
  runJobBody,
  runJobUri,
} from './triggers.js';

export interface Runner {
  service: cloudrunv2.Service;
  job: cloudrunv2.Job;
}

export function declareRunner(
  name: string,
  config: GcpStackConfig,
  ids: Identities,
  env: Record<string, string>,
  opts: ChildOptions,
): Runner {
  const { project, region, extension, options } = config;
  const envs = Object.entries(env).map(([envName, value]) => ({ name: envName, value }));
  const container = (
    mode: 'serve' | 'task',
    extraEnv: { name: string; value: pulumi.Input<string> }[] = [],
  ) => ({
    name: RUNNER_CONTAINER,
    image: config.image,
    // The image's entrypoint is the escher CLI; the argument picks the mode.
    args: [mode],
    envs: [...envs, ...extraEnv],
    resources: { limits: { cpu: options.cpu, memory: options.memory } },
  });

  const audience = pushAudience(project, extension.name);
  const service = new cloudrunv2.Service(
    `${name}-events-service`,
    {
      name: `${extension.name}-events`,
      project,
      location: region,
      ingress: options.eventsIngress,
      invokerIamDisabled: false,
      customAudiences: [audience],
      deletionProtection: false,
      template: {
        serviceAccount: ids.runner.email,
        scaling: { minInstanceCount: 0, maxInstanceCount: options.maxInstances },
        timeout: '600s',
        containers: [
          container('serve', [
            { name: 'ESCHER_PUSH_AUDIENCE', value: audience },
            { name: 'ESCHER_PUSH_SERVICE_ACCOUNT', value: ids.invoker.email },
          ]),
        ],
      },
    },
    opts,
  );
  new cloudrunv2.ServiceIamMember(
    `${name}-invoker-calls-events`,
    { project, location: region, name: service.name, role: 'roles/run.invoker', member: ids.invokerMember },
    opts,
  );

  const jobName = `${extension.name}-task`;
  const job = new cloudrunv2.Job(
    `${name}-task`,
    {
      name: jobName,
      project,
      location: region,
      deletionProtection: false,
      template: {
        taskCount: 1,
        template: {
          serviceAccount: ids.runner.email,
          // One retry for exit 1 (retryable); the runner's records make a retry safe.
          maxRetries: 1,
          timeout: '3600s',
          containers: [container('task')],
        },
      },
    },
    opts,
  );
  new cloudrunv2.JobIamMember(
    `${name}-invoker-runs-task`,
    {
      project,
      location: region,
      name: job.name,
      role: 'roles/run.jobsExecutorWithOverrides',
      member: ids.invokerMember,
    },
    opts,
  );

  const schedules = [
    ...extension.jobs.map((j) => ({
      id: `job-${j.name}`,
      schedule: j.schedule,
      trigger: jobTrigger(j.name),
    })),
    { id: 'report', schedule: extension.report, trigger: reportTrigger() },
    // Without jobs nothing can be delayed, and a run every 15 minutes would cost for nothing.
    ...(extension.jobs.length > 0 ? [{ id: 'due', schedule: DUE_TICK, trigger: dueTrigger() }] : []),
  ];
  for (const run of schedules) {
    new cloudscheduler.Job(
      `${name}-${run.id}`,
      {
        name: `${extension.name}-${run.id}`,
        project,
        region,
        schedule: run.schedule.cron,
        timeZone: run.schedule.timezone,
        attemptDeadline: '60s',
        retryConfig: { retryCount: 3 },
        httpTarget: {
          httpMethod: 'POST',
          uri: runJobUri(project, region, jobName),
          headers: { 'Content-Type': 'application/json' },
          body: Buffer.from(runJobBody(run.trigger)).toString('base64'),
          oauthToken: {
            serviceAccountEmail: ids.invoker.email,
            scope: 'https://www.googleapis.com/auth/cloud-platform',
          },
        },
      },
      after(opts, job),
    );
  }
  return { service, job };
}
