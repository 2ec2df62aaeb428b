// State and audit buckets and the secret containers. Nothing is public: uniform
// bucket-level access, public access prevention enforced, and only the runner's service
// account may read secrets, and only Escher's: a conditional grant on the `escher/` name
// prefix, which also covers credentials `escher creds put` adds later.

import * as projects from '@pulumi/gcp/projects/index.js';
import * as secretmanager from '@pulumi/gcp/secretmanager/index.js';
import * as storage from '@pulumi/gcp/storage/index.js';
import * as pulumi from '@pulumi/pulumi';
import type { ChildOptions } from './child-options.js';
import type { GcpStackConfig } from './config.js';
import { bucketName, SECRET_ID_PREFIX, secretId } from './names.js';
import { secretNames } from './secret-names.js';

const SOFT_DELETE_SECONDS = 30 * 24 * 3600;

export interface StateBuckets {
  stateBucket: string;
  auditBucket: string;
}

export function declareStateAndSecrets(
  name: string,
  config: GcpStackConfig,
  runnerMember: pulumi.Output<string>,
  projectNumber: pulumi.Output<string>,
  opts: ChildOptions,
): StateBuckets {
  const { project, region, extension } = config;
  const bucket = (purpose: 'state' | 'audit', extra: Partial<storage.BucketArgs>) =>
    new storage.Bucket(
      `${name}-${purpose}`,
      {
        name: bucketName(project, extension.name, purpose),
        project,
        location: region,
        uniformBucketLevelAccess: true,
        publicAccessPrevention: 'enforced',
        versioning: { enabled: true },
        softDeletePolicy: { retentionDurationSeconds: SOFT_DELETE_SECONDS },
        ...extra,
      },
      opts,
    );
  // Destroy runs only after the state was exported to the laptop, so it may empty the bucket.
  const state = bucket('state', { forceDestroy: true });
  // Objects in the audit bucket cannot be deleted or replaced before the retention ends.
  const audit = bucket('audit', {
    retentionPolicy: {
      retentionPeriod: String(extension.retention.audit_days * 24 * 3600),
      isLocked: config.options.lockAuditRetention,
    },
  });

  const grant = (resourceName: string, target: storage.Bucket, role: string) =>
    new storage.BucketIAMMember(resourceName, { bucket: target.name, role, member: runnerMember }, opts);
  grant(`${name}-runner-state`, state, 'roles/storage.objectUser');
  // Append-only for the runner: it may create and read audit objects, never change them.
  grant(`${name}-runner-audit-create`, audit, 'roles/storage.objectCreator');
  grant(`${name}-runner-audit-read`, audit, 'roles/storage.objectViewer');

  for (const logical of secretNames(extension)) {
    const id = secretId(logical);
    new secretmanager.Secret(
      `${name}-secret-${id}`,
      { secretId: id, project, replication: { auto: {} }, labels: { app: 'escher' } },
      opts,
    );
  }
  new projects.IAMMember(
    `${name}-runner-reads-escher-secrets`,
    {
      project,
      role: 'roles/secretmanager.secretAccessor',
      member: runnerMember,
      condition: {
        title: 'Escher secrets only',
        // IAM conditions name secrets by project number.
        expression: pulumi.interpolate`resource.name.startsWith("projects/${projectNumber}/secrets/${SECRET_ID_PREFIX}")`,
      },
    },
    opts,
  );
  return {
    stateBucket: bucketName(project, extension.name, 'state'),
    auditBucket: bucketName(project, extension.name, 'audit'),
  };
}
