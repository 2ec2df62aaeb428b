// A TokenCredential for one subscription whose service principal is kept in the SecretStore
// (escher/azure/<subscription>/tenant_id, client_id, client_secret). The secrets are read on
// the first token request, so building clients stays synchronous and costs no reads.

import { type AccessToken, ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { loadAzureCredentials } from '../../secrets/cloud-credentials.js';
import type { SecretStore } from '../../secrets/secret-store.js';

export function storedAzureCredential(secrets: SecretStore, subscription: string): TokenCredential {
  let inner: Promise<TokenCredential> | undefined;
  const load = () => {
    inner ??= loadAzureCredentials(secrets, subscription).then(
      (c) => new ClientSecretCredential(c.tenantId, c.clientId, c.clientSecret),
    );
    // A failed read (missing secret, store unreachable) is retried on the next request.
    inner.catch(() => {
      inner = undefined;
    });
    return inner;
  };
  return {
    async getToken(scopes, options): Promise<AccessToken | null> {
      return (await load()).getToken(scopes, options);
    },
  };
}
