// The managed identity token endpoint as App Service and Container Apps expose it to their
// workloads (IDENTITY_ENDPOINT and IDENTITY_HEADER in the environment): GET with
// `resource` and `api-version=2019-08-01`, the X-IDENTITY-HEADER secret, answered with a
// bearer token. The runner's default Azure credential chain picks it up unmodified, so a
// runner process gets ARM tokens without any sign-in. Source: Microsoft Learn, "How to use
// managed identities for App Service and Azure Functions", REST endpoint reference.

import type { Route } from './server.js';

export const IDENTITY_PATH = '/msi/token';

export interface AzureIdentityState {
  /** The value the platform puts in IDENTITY_HEADER. */
  header: string;
  /** The `resource` of every token handed out, in order. */
  issuedFor: string[];
  routes: Route[];
}

export function azureManagedIdentity(header = 'escher-test-identity-header'): AzureIdentityState {
  const issuedFor: string[] = [];
  return {
    header,
    issuedFor,
    routes: [
      {
        method: 'GET',
        path: IDENTITY_PATH,
        handler: (req) => {
          if (req.headers['x-identity-header'] !== header)
            return {
              status: 401,
              body: { statusCode: 401, message: 'X-IDENTITY-HEADER is missing or wrong' },
            };
          const resource = req.query.get('resource');
          if (!resource || req.query.get('api-version') !== '2019-08-01')
            return {
              status: 400,
              body: { statusCode: 400, message: 'resource and api-version=2019-08-01 are required' },
            };
          issuedFor.push(resource);
          return {
            status: 200,
            body: {
              access_token: `managed-identity-token-${issuedFor.length}`,
              expires_on: String(Math.floor(Date.now() / 1000) + 3600),
              resource,
              token_type: 'Bearer',
              client_id: '00000000-0000-4000-8000-00000000c11e',
            },
          };
        },
      },
    ],
  };
}

/** The environment a platform with a managed identity gives the runner process. */
export const managedIdentityEnv = (serverUrl: string, state: AzureIdentityState) => ({
  IDENTITY_ENDPOINT: `${serverUrl}${IDENTITY_PATH}`,
  IDENTITY_HEADER: state.header,
});
