// The Cloud Logging filter of the audit-log events Escher reacts to: changes that can
// expose a bucket, open a firewall or start, stop or create an instance. The runner's own
// changes are excluded so a remediation never triggers itself.

export const AUDITED_METHODS: readonly string[] = [
  'storage.setIamPermissions',
  'storage.buckets.update',
  'v1.compute.firewalls.insert',
  'v1.compute.firewalls.patch',
  'v1.compute.firewalls.update',
  'v1.compute.instances.insert',
  'v1.compute.instances.start',
  'v1.compute.instances.stop',
  'v1.compute.instances.delete',
];

export function auditLogFilter(project: string, runnerEmail: string): string {
  const methods = AUDITED_METHODS.map((m) => `"${m}"`).join(' OR ');
  return [
    `logName="projects/${project}/logs/cloudaudit.googleapis.com%2Factivity"`,
    `protoPayload.methodName=(${methods})`,
    `NOT protoPayload.authenticationInfo.principalEmail="${runnerEmail}"`,
  ].join(' AND ');
}
