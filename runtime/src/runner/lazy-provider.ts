// A ClientsProvider whose module (and the cloud SDK behind it) loads on the first target:
// an AWS-only run never imports the Azure or GCP SDKs.

import type { OperationTarget } from '@escher/shared';
import type { ClientsProvider } from '../pipeline/deps.js';

export function lazyProvider(load: () => Promise<ClientsProvider>): ClientsProvider {
  let provider: Promise<ClientsProvider> | undefined;
  return async (target: OperationTarget) => {
    provider ??= load();
    return (await provider)(target);
  };
}
