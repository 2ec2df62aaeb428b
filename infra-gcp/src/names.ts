// Names of the stack's GCP resources, derived from the config so a redeploy finds them.

/** Bucket names are global; the project id makes them unique. */
export const bucketName = (project: string, prefix: string, purpose: 'state' | 'audit') =>
  `${project}-${prefix}-${purpose}`;

/** Custom role ids allow letters, digits, `_` and `.` only. */
export const roleId = (prefix: string) => `${prefix.replace(/-/g, '_')}_runner`;

const ESCAPES: Record<string, string> = { '-': '-d', _: '-u', '.': '-p', '/': '-s' };

/**
 * The runner's gsm:// store flattens logical names reversibly with '-' as the escape
 * character: `escher/ai/token` is stored as `escher-sai-stoken`. The stack must agree.
 */
export const secretId = (logicalName: string) => logicalName.replace(/[-_./]/g, (c) => ESCAPES[c] ?? c);

/** Every flattened `escher/…` name starts with this; the runner's read grant is scoped to it. */
export const SECRET_ID_PREFIX = secretId('escher/');

/** The audience Pub/Sub puts in its OIDC tokens and the events service accepts. */
export const pushAudience = (project: string, prefix: string) => `escher-events/${project}/${prefix}`;
