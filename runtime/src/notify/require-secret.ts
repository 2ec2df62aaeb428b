// Reads a channel's secret at send time, so a secret added after deployment is picked up
// and a missing one fails that channel alone, with a message naming the secret.

import type { SecretStore } from '../secrets/secret-store.js';
import { ChannelNotConfiguredError } from './errors.js';

export async function requireSecret(secrets: SecretStore, channel: string, name: string): Promise<string> {
  const value = await secrets.get(name);
  if (!value) {
    throw new ChannelNotConfiguredError(`${channel}: secret ${name} is not set`, {
      hint: `store it with: escher secrets put ${name}`,
    });
  }
  return value;
}
