// An IAM statement as plain data, so the permission rules are testable without CDK.

export interface StatementSpec {
  sid: string;
  actions: string[];
  resources: string[];
  conditions?: Record<string, Record<string, string | string[]>>;
  /** Why a wildcard in `resources` is the narrowest choice; becomes the cdk-nag acknowledgement. */
  why?: string;
}

/** Where the statements are evaluated; tokens in the stack, plain strings in tests. */
export interface ArnScope {
  partition: string;
  account: string;
}

/** IAM Sids allow only letters and digits. */
export function toSid(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}
