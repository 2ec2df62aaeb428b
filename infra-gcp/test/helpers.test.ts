import { ACTION_SUPPORT, type JobResourceType, parseExtensionConfig } from '@escher/shared';
import { describe, expect, it } from 'vitest';
// The runner's own mapping, to prove the stack names secrets the way the gsm:// store reads them.
import { toFlatName } from '../../runtime/src/secrets/secret-names.js';
import { auditLogFilter } from '../src/log-filter.js';
import { pushAudience, roleId, secretId } from '../src/names.js';
import {
  JOB_PERMISSIONS,
  REPORT_READ_PERMISSIONS,
  remediationPermissions,
  runnerRolePermissions,
} from '../src/permissions.js';
import { schedulerCronProblem } from '../src/scheduler-cron.js';
import { secretNames } from '../src/secret-names.js';
import { reportTrigger, runJobBody, runJobUri } from '../src/triggers.js';
import { VALID, withOverrides } from './support/fixtures.js';

describe('runner role permissions', () => {
  it('grants only the GCP catalog entries the user enabled', () => {
    const config = parseExtensionConfig(
      withOverrides({ remediations: ['gcp.compute.stop_instance', 'aws.ec2.stop_instance'] }),
    );
    expect(remediationPermissions(config)).toEqual([
      'compute.instances.get',
      'compute.instances.stop',
      'compute.zoneOperations.get',
    ]);
  });

  it('grants only the report reads without remediations or GCP jobs', () => {
    const config = parseExtensionConfig(withOverrides({ remediations: [], jobs: [] }));
    expect(runnerRolePermissions(config)).toEqual([...REPORT_READ_PERMISSIONS].sort());
  });

  it('adds the permissions of GCP jobs, sorted and without duplicates', () => {
    expect(runnerRolePermissions(parseExtensionConfig(VALID))).toEqual([
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
  });
});

describe('job permissions', () => {
  it('exist for every resource type and action the runner supports on GCP', () => {
    for (const [type, clouds] of Object.entries(ACTION_SUPPORT)) {
      for (const action of clouds.gcp ?? []) {
        expect(JOB_PERMISSIONS[type as JobResourceType]?.[action], `${type} ${action}`).toBeDefined();
      }
    }
  });
});

describe('secretNames', () => {
  it('creates the state key and webhook secret always, the AI token and channels only when used', () => {
    expect(secretNames(parseExtensionConfig(VALID))).toEqual([
      'escher/state/key',
      'escher/webhook/shared_secret',
      'escher/ai/token',
      'escher/notify/slack',
    ]);
    expect(
      secretNames(parseExtensionConfig(withOverrides({ ai_url: undefined, notifications: {} }))),
    ).toEqual(['escher/state/key', 'escher/webhook/shared_secret']);
  });

  it('maps logical names to Secret Manager ids exactly as the runner does', () => {
    expect(secretId('escher/webhook/shared_secret')).toBe('escher-swebhook-sshared-usecret');
    expect(secretId('escher/aws/123456789012/access-key.id')).toBe(
      'escher-saws-s123456789012-saccess-dkey-pid',
    );
    for (const name of ['escher/state/key', 'escher/notify/pagerduty', 'escher/gcp/acme-prod-42/sa_key']) {
      expect(secretId(name)).toBe(toFlatName(name));
    }
  });
});

describe('names', () => {
  it('derives a role id without dashes and a push audience per project and stack', () => {
    expect(roleId('escher-prod')).toBe('escher_prod_runner');
    expect(pushAudience('acme-prod-42', 'escher')).toBe('escher-events/acme-prod-42/escher');
  });
});

describe('run-job request', () => {
  it('targets the Cloud Run Admin API run method of the job', () => {
    expect(runJobUri('acme-prod-42', 'europe-west1', 'escher-task')).toBe(
      'https://run.googleapis.com/v2/projects/acme-prod-42/locations/europe-west1/jobs/escher-task:run',
    );
  });

  it('passes the trigger as an ESCHER_TRIGGER override of the runner container', () => {
    expect(JSON.parse(runJobBody(reportTrigger()))).toEqual({
      overrides: {
        containerOverrides: [
          { name: 'runner', env: [{ name: 'ESCHER_TRIGGER', value: '{"kind":"report"}' }] },
        ],
      },
    });
  });
});

describe('auditLogFilter', () => {
  it('selects admin-activity audit logs of the watched methods, minus the runner itself', () => {
    expect(auditLogFilter('p-1', 'runner@p-1.iam.gserviceaccount.com')).toBe(
      'logName="projects/p-1/logs/cloudaudit.googleapis.com%2Factivity" AND ' +
        'protoPayload.methodName=("storage.setIamPermissions" OR "storage.buckets.update" OR ' +
        '"v1.compute.firewalls.insert" OR "v1.compute.firewalls.patch" OR "v1.compute.firewalls.update" OR ' +
        '"v1.compute.instances.insert" OR "v1.compute.instances.start" OR "v1.compute.instances.stop" OR ' +
        '"v1.compute.instances.delete") AND ' +
        'NOT protoPayload.authenticationInfo.principalEmail="runner@p-1.iam.gserviceaccount.com"',
    );
  });
});

describe('schedulerCronProblem', () => {
  it('accepts unix-cron with lists, ranges, steps and names', () => {
    expect(schedulerCronProblem('*/15 9-17 * JAN,JUL MON-FRI')).toBeUndefined();
  });

  it('names the croner extensions Cloud Scheduler refuses', () => {
    expect(schedulerCronProblem('0 8 ? * 1#2')).toBe(
      '"?" is not unix-cron (Cloud Scheduler takes numbers, names, *, lists, ranges and steps)',
    );
    expect(schedulerCronProblem('0 8 * * 5L')).toMatch(/^"5L" is not unix-cron/);
  });
});
