// The KMS key the AWS stack creates for the runner's SecureString parameters, named by
// alias so `escher creds put` on a laptop can encrypt with it without reading the stack.

/** `alias/<stack name>-secrets`: the stack creates it, `escher creds put` encrypts with it. */
export function secretsKeyAlias(stackName: string): string {
  return `alias/${stackName}-secrets`;
}
