import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ExtendedRuntime } from '../src/component.js';
import { parseGcpStackConfig } from '../src/config.js';
import { VALID, withOverrides } from './support/fixtures.js';
import {
  byName,
  mocks,
  only,
  PROJECT_NUMBER,
  type Recorded,
  record,
  SERVICE_URI,
  SINK_WRITER,
} from './support/mocks.js';

const P = 'acme-prod-42';
const RUNNER = `serviceAccount:escher-runner@${P}.iam.gserviceaccount.com`;
const INVOKER_EMAIL = `escher-invoker@${P}.iam.gserviceaccount.com`;
const INVOKER = `serviceAccount:${INVOKER_EMAIL}`;
const PUBSUB_AGENT = `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-pubsub.iam.gserviceaccount.com`;
const CANARY = 'canary-7f3a9c';

const decode = (base64: string) => JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));

describe('ExtendedRuntime (GCP)', () => {
  let resources: Recorded[];
  beforeAll(async () => {
    // Credentials a deploying shell may hold; none may end up in a resource input.
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS_JSON', CANARY);
    vi.stubEnv('ESCHER_AI_TOKEN', CANARY);
    resources = await record(() => new ExtendedRuntime('escher', parseGcpStackConfig(VALID)));
    vi.unstubAllEnvs();
  });

  it('declares exactly these resources', () => {
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    expect(counts).toEqual({
      'escher:gcp:ExtendedRuntime': 1,
      'gcp:projects/service:Service': 8,
      'gcp:serviceaccount/account:Account': 2,
      'gcp:projects/iAMCustomRole:IAMCustomRole': 1,
      'gcp:projects/iAMMember:IAMMember': 2,
      'gcp:storage/bucket:Bucket': 2,
      'gcp:storage/bucketIAMMember:BucketIAMMember': 3,
      'gcp:secretmanager/secret:Secret': 4,
      'gcp:cloudrunv2/service:Service': 1,
      'gcp:cloudrunv2/serviceIamMember:ServiceIamMember': 1,
      'gcp:cloudrunv2/job:Job': 1,
      'gcp:cloudrunv2/jobIamMember:JobIamMember': 1,
      'gcp:cloudscheduler/job:Job': 3,
      'gcp:pubsub/topic:Topic': 2,
      'gcp:pubsub/subscription:Subscription': 2,
      'gcp:pubsub/topicIAMMember:TopicIAMMember': 3,
      'gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember': 1,
      'gcp:serviceaccount/iAMMember:IAMMember': 1,
      'gcp:logging/projectSink:ProjectSink': 1,
      'gcp:monitoring/notificationChannel:NotificationChannel': 1,
    });
  });

  it('keeps both buckets private, versioned and soft-deleting; the audit bucket retains objects', () => {
    const common = {
      project: P,
      location: 'europe-west1',
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
      versioning: { enabled: true },
      softDeletePolicy: { retentionDurationSeconds: 2592000 },
    };
    expect(byName(resources, 'escher-state').inputs).toEqual({
      ...common,
      name: `${P}-escher-state`,
      forceDestroy: true,
    });
    expect(byName(resources, 'escher-audit').inputs).toEqual({
      ...common,
      name: `${P}-escher-audit`,
      retentionPolicy: { retentionPeriod: String(400 * 86400), isLocked: false },
    });
  });

  it('mirrors audit records from both the service and the job into the retained audit bucket', () => {
    const retained = only(resources, 'gcp:storage/bucket:Bucket').filter((b) => b.inputs.retentionPolicy);
    expect(retained.map((b) => b.inputs.name)).toEqual([`${P}-escher-audit`]);
    const auditStore = (containers: { envs: { name: string; value: string }[] }[]) =>
      containers[0]?.envs.find((e) => e.name === 'ESCHER_AUDIT_STORE')?.value;
    expect(auditStore(byName(resources, 'escher-events-service').inputs.template.containers)).toBe(
      `gs://${P}-escher-audit/audit`,
    );
    expect(auditStore(byName(resources, 'escher-task').inputs.template.template.containers)).toBe(
      `gs://${P}-escher-audit/audit`,
    );
  });

  it('gives the runner read-write state, append-only audit and read access to Escher secrets only', () => {
    const bucketGrants = only(resources, 'gcp:storage/bucketIAMMember:BucketIAMMember').map((r) => [
      r.inputs.bucket,
      r.inputs.role,
      r.inputs.member,
    ]);
    expect(bucketGrants.sort()).toEqual([
      [`${P}-escher-audit`, 'roles/storage.objectCreator', RUNNER],
      [`${P}-escher-audit`, 'roles/storage.objectViewer', RUNNER],
      [`${P}-escher-state`, 'roles/storage.objectUser', RUNNER],
    ]);
    expect(byName(resources, 'escher-runner-reads-escher-secrets').inputs).toEqual({
      project: P,
      role: 'roles/secretmanager.secretAccessor',
      member: RUNNER,
      condition: {
        title: 'Escher secrets only',
        expression: `resource.name.startsWith("projects/${PROJECT_NUMBER}/secrets/escher-s")`,
      },
    });
    expect(only(resources, 'gcp:secretmanager/secret:Secret').map((r) => r.inputs.secretId)).toEqual([
      'escher-sstate-skey',
      'escher-swebhook-sshared-usecret',
      'escher-sai-stoken',
      'escher-snotify-sslack',
    ]);
  });

  it('creates secret containers only, never a secret version', () => {
    for (const secret of only(resources, 'gcp:secretmanager/secret:Secret')) {
      expect(Object.keys(secret.inputs).sort()).toEqual(['labels', 'project', 'replication', 'secretId']);
    }
    expect(resources.some((r) => r.type === 'gcp:secretmanager/secretVersion:SecretVersion')).toBe(false);
  });

  it('binds the custom role with exactly the enabled permissions to the runner at project scope', () => {
    expect(byName(resources, 'escher-runner-role').inputs.permissions).toEqual([
      'compute.disks.list',
      'compute.firewalls.get',
      'compute.firewalls.list',
      'compute.instances.get',
      'compute.instances.list',
      'compute.instances.stop',
      'compute.snapshots.list',
      'compute.zoneOperations.get',
      'monitoring.timeSeries.list',
      'resourcemanager.projects.get',
      'storage.buckets.get',
      'storage.buckets.getIamPolicy',
      'storage.buckets.list',
      'storage.buckets.setIamPolicy',
      'storage.buckets.update',
    ]);
    expect(byName(resources, 'escher-runner-permissions').inputs).toEqual({
      project: P,
      role: `projects/${P}/roles/escher_runner`,
      member: RUNNER,
    });
  });

  it('runs the events service scaled to zero as the runner, callable by the invoker only', () => {
    const service = byName(resources, 'escher-events-service').inputs;
    expect(service).toMatchObject({
      ingress: 'INGRESS_TRAFFIC_ALL',
      invokerIamDisabled: false,
      customAudiences: [`escher-events/${P}/escher`],
      deletionProtection: false,
    });
    expect(service.template.scaling).toEqual({ minInstanceCount: 0, maxInstanceCount: 3 });
    expect(service.template.serviceAccount).toBe(`escher-runner@${P}.iam.gserviceaccount.com`);
    expect(service.template.containers[0].args).toEqual(['serve']);
    expect(service.template.containers[0].envs.slice(-2)).toEqual([
      { name: 'ESCHER_PUSH_AUDIENCE', value: `escher-events/${P}/escher` },
      { name: 'ESCHER_PUSH_SERVICE_ACCOUNT', value: INVOKER_EMAIL },
    ]);
    const invokers = only(resources, 'gcp:cloudrunv2/serviceIamMember:ServiceIamMember').map((r) => [
      r.inputs.name,
      r.inputs.role,
      r.inputs.member,
    ]);
    expect(invokers).toEqual([['escher-events', 'roles/run.invoker', INVOKER]]);
  });

  it('never grants anything to allUsers or allAuthenticatedUsers', () => {
    expect(JSON.stringify(resources)).not.toMatch(/allUsers|allAuthenticatedUsers/);
  });

  it('runs scheduled work as a Cloud Run job in task mode with the shared runner settings', () => {
    const job = byName(resources, 'escher-task').inputs;
    const container = job.template.template.containers[0];
    expect(job.template.template).toMatchObject({
      serviceAccount: `escher-runner@${P}.iam.gserviceaccount.com`,
      maxRetries: 1,
      timeout: '3600s',
    });
    expect(container.name).toBe('runner');
    expect(container.args).toEqual(['task']);
    expect(
      Object.fromEntries(container.envs.map((e: { name: string; value: string }) => [e.name, e.value])),
    ).toEqual({
      ESCHER_STORE: `gs://${P}-escher-state/state`,
      ESCHER_AUDIT_STORE: `gs://${P}-escher-audit/audit`,
      ESCHER_SECRETS: `gsm://${P}`,
      ESCHER_CONFIG: JSON.stringify(parseGcpStackConfig(VALID).extension),
      ESCHER_AI_URL: 'https://ai.escher.example/v1',
    });
    expect(byName(resources, 'escher-invoker-runs-task').inputs).toMatchObject({
      name: 'escher-task',
      role: 'roles/run.jobsExecutorWithOverrides',
      member: INVOKER,
    });
  });

  it('schedules each job, the report and the 15-minute due tick in its time zone, passing the trigger as a container override', () => {
    const schedules = only(resources, 'gcp:cloudscheduler/job:Job').map((r) => ({
      name: r.inputs.name,
      schedule: r.inputs.schedule,
      timeZone: r.inputs.timeZone,
      uri: r.inputs.httpTarget.uri,
      auth: r.inputs.httpTarget.oauthToken,
      trigger: decode(r.inputs.httpTarget.body).overrides.containerOverrides[0].env[0],
    }));
    const uri = `https://run.googleapis.com/v2/projects/${P}/locations/europe-west1/jobs/escher-task:run`;
    const auth = {
      serviceAccountEmail: INVOKER_EMAIL,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
    };
    expect(schedules).toEqual([
      {
        name: 'escher-job-stop-dev-vms',
        schedule: '0 20 * * 1-5',
        timeZone: 'Europe/Berlin',
        uri,
        auth,
        trigger: { name: 'ESCHER_TRIGGER', value: '{"kind":"job","job":"stop-dev-vms"}' },
      },
      {
        name: 'escher-report',
        schedule: '0 2 * * *',
        timeZone: 'Asia/Tokyo',
        uri,
        auth,
        trigger: { name: 'ESCHER_TRIGGER', value: '{"kind":"report"}' },
      },
      {
        name: 'escher-due',
        schedule: '*/15 * * * *',
        timeZone: 'UTC',
        uri,
        auth,
        trigger: { name: 'ESCHER_TRIGGER', value: '{"kind":"due"}' },
      },
    ]);
  });

  it('declares no due tick for a deployment without jobs', async () => {
    const noJobs = await record(
      () => new ExtendedRuntime('escher', parseGcpStackConfig(withOverrides({ jobs: [] }))),
    );
    expect(only(noJobs, 'gcp:cloudscheduler/job:Job').map((r) => r.inputs.name)).toEqual(['escher-report']);
  });

  it('pushes events to the service with an OIDC token of the invoker, dead-lettering what keeps failing', () => {
    expect(byName(resources, 'escher-events-to-runner').inputs).toMatchObject({
      topic: `projects/${P}/topics/escher-events`,
      ackDeadlineSeconds: 600,
      deadLetterPolicy: {
        deadLetterTopic: `projects/${P}/topics/escher-events-deadletter`,
        maxDeliveryAttempts: 10,
      },
      pushConfig: {
        pushEndpoint: `${SERVICE_URI}/pubsub`,
        oidcToken: { serviceAccountEmail: INVOKER_EMAIL, audience: `escher-events/${P}/escher` },
      },
    });
    expect(byName(resources, 'escher-events-deadletter-hold').inputs).toMatchObject({
      topic: `projects/${P}/topics/escher-events-deadletter`,
      messageRetentionDuration: '604800s',
    });
    expect(byName(resources, 'escher-deadletter-publisher').inputs.member).toBe(PUBSUB_AGENT);
    expect(byName(resources, 'escher-deadletter-subscriber').inputs).toMatchObject({
      subscription: 'escher-events-to-runner',
      member: PUBSUB_AGENT,
    });
    expect(byName(resources, 'escher-pubsub-mints-invoker-tokens').inputs).toEqual({
      serviceAccountId: `projects/${P}/serviceAccounts/${INVOKER_EMAIL}`,
      role: 'roles/iam.serviceAccountTokenCreator',
      member: PUBSUB_AGENT,
    });
  });

  it('routes audit-log events through a sink whose writer may publish to the topic', () => {
    const sink = byName(resources, 'escher-audit-events').inputs;
    expect(sink.destination).toBe(`pubsub.googleapis.com/projects/${P}/topics/escher-events`);
    expect(sink.uniqueWriterIdentity).toBe(true);
    expect(sink.filter).toContain(
      `NOT protoPayload.authenticationInfo.principalEmail="escher-runner@${P}.iam.gserviceaccount.com"`,
    );
    expect(byName(resources, 'escher-sink-publisher').inputs).toEqual({
      project: P,
      topic: 'escher-events',
      role: 'roles/pubsub.publisher',
      member: SINK_WRITER,
    });
  });

  it('sends Cloud Monitoring alerts to the topic through a pubsub notification channel', () => {
    expect(byName(resources, 'escher-alerts').inputs).toEqual({
      project: P,
      displayName: 'Escher runner (escher)',
      type: 'pubsub',
      labels: { topic: `projects/${P}/topics/escher-events` },
    });
    expect(byName(resources, 'escher-monitoring-publisher').inputs.member).toBe(
      `serviceAccount:service-${PROJECT_NUMBER}@gcp-sa-monitoring-notification.iam.gserviceaccount.com`,
    );
  });

  it('never puts a credential from the deploying shell in any input', () => {
    expect(JSON.stringify(resources)).not.toContain(CANARY);
  });
});

describe('the call mock', () => {
  it('fails on a provider function the stack is not known to call', () => {
    expect(() =>
      mocks.call({ token: 'gcp:secretmanager/getSecretVersion:getSecretVersion', inputs: {}, provider: '' }),
    ).toThrow('unexpected provider call gcp:secretmanager/getSecretVersion:getSecretVersion');
  });
});
