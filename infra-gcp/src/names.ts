// Names of the stack's GCP resources, derived from the config so a redeploy finds them.

/** Bucket names are global; the project id makes them unique. */
export const bucketName = (project: string, prefix: string, purpose: 'state' | 'audit') =>
  `${project}-${prefix}-${purpose}`;

/** Custom role ids allow letters, digits, `_` and `.` only. */
export const roleId = (prefix: string) => `${prefix.replace(/-/g, '_')}_runner`;

/**
 * Secret Manager ids allow letters, digits, `-` and `_`; a logical name such as
 * `escher/ai/token` becomes `escher--ai--token` (the mapping the gsm:// store uses).
 */
export const secretId = (logicalName: string) => logicalName.replace(/\//g, '--');

/** The audience Pub/Sub puts in its OIDC tokens and the events service accepts. */
export const pushAudience = (project: string, prefix: string) => `escher-events/${project}/${prefix}`;
