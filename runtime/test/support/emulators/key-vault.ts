// A Key Vault stand-in: no Key Vault emulator installs from the package registries this
// project may use, so this contract server speaks the documented Key Vault secrets REST
// API (7.x) that @azure/keyvault-secrets uses: HTTPS only, the bearer challenge on an
// unauthenticated request, versions, soft delete and purge, and Key Vault's error bodies.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ContractRequest,
  type ContractResponse,
  type Route,
  startContractServer,
} from '../../contract/server.js';
import type { RunningEmulator } from './types.js';

interface Version {
  version: string;
  value: string;
  created: number;
}

const CHALLENGE =
  'Bearer authorization="https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000", resource="https://vault.azure.net"';
const NAME = /^[0-9a-zA-Z-]{1,127}$/;

const error = (status: number, code: string, message: string): ContractResponse => ({
  status,
  body: { error: { code, message } },
});

function keyVaultRoutes(): Route[] {
  const live = new Map<string, Version[]>();
  const deleted = new Map<string, Version[]>();
  const base = (req: ContractRequest) => `https://${req.headers.host}`;
  const attributes = (v: Version) => ({
    enabled: true,
    created: v.created,
    updated: v.created,
    recoveryLevel: 'Recoverable+Purgeable',
  });
  const bundle = (req: ContractRequest, name: string, v: Version) => ({
    value: v.value,
    id: `${base(req)}/secrets/${name}/${v.version}`,
    attributes: attributes(v),
  });
  const deletedBundle = (req: ContractRequest, name: string, versions: Version[]) => {
    const latest = versions[versions.length - 1] as Version;
    return {
      recoveryId: `${base(req)}/deletedsecrets/${name}`,
      deletedDate: latest.created,
      scheduledPurgeDate: latest.created + 7 * 86400,
      id: `${base(req)}/secrets/${name}/${latest.version}`,
      attributes: attributes(latest),
    };
  };
  const notFound = (name: string) =>
    error(404, 'SecretNotFound', `A secret with (name/id) ${name} was not found in this key vault.`);

  // Every operation is checked the way Key Vault checks it before the route runs.
  const guarded =
    (handler: (req: ContractRequest, name: string) => ContractResponse) =>
    (req: ContractRequest): ContractResponse => {
      if (!req.query.get('api-version'))
        return error(400, 'BadParameter', 'The api-version query parameter is missing.');
      if (!/^Bearer \S+$/.test(String(req.headers.authorization ?? ''))) {
        return {
          status: 401,
          headers: { 'www-authenticate': CHALLENGE },
          body: error(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.').body,
        };
      }
      const name = req.params.name ?? '';
      if (req.params.name !== undefined && !NAME.test(name))
        return error(400, 'BadParameter', `The secret name ${name} is invalid.`);
      return handler(req, name.toLowerCase());
    };

  const read = guarded((req, name) => {
    const versions = live.get(name);
    const wanted = req.params.version;
    const v = wanted ? versions?.find((x) => x.version === wanted) : versions?.[versions.length - 1];
    return v ? { status: 200, body: bundle(req, name, v) } : notFound(name);
  });

  return [
    {
      method: 'PUT',
      path: '/secrets/{name}',
      handler: guarded((req, name) => {
        if (deleted.has(name)) {
          return error(
            409,
            'Conflict',
            `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
          );
        }
        const value = (req.json as { value?: unknown } | undefined)?.value;
        if (typeof value !== 'string') return error(400, 'BadParameter', 'Property value is required.');
        const v: Version = {
          version: crypto.randomUUID().replaceAll('-', ''),
          value,
          created: Math.floor(Date.now() / 1000),
        };
        live.set(name, [...(live.get(name) ?? []), v]);
        return { status: 200, body: bundle(req, name, v) };
      }),
    },
    { method: 'GET', path: '/secrets/{name}', handler: read },
    { method: 'GET', path: '/secrets/{name}/', handler: read },
    { method: 'GET', path: '/secrets/{name}/{version}', handler: read },
    {
      method: 'GET',
      path: '/secrets',
      handler: guarded((req) => ({
        status: 200,
        body: {
          value: [...live.entries()].map(([name, versions]) => ({
            id: `${base(req)}/secrets/${name}`,
            attributes: attributes(versions[versions.length - 1] as Version),
          })),
          nextLink: null,
        },
      })),
    },
    {
      method: 'DELETE',
      path: '/secrets/{name}',
      handler: guarded((req, name) => {
        const versions = live.get(name);
        if (!versions) return notFound(name);
        live.delete(name);
        deleted.set(name, versions);
        return { status: 200, body: deletedBundle(req, name, versions) };
      }),
    },
    {
      method: 'GET',
      path: '/deletedsecrets/{name}',
      handler: guarded((req, name) => {
        const versions = deleted.get(name);
        return versions ? { status: 200, body: deletedBundle(req, name, versions) } : notFound(name);
      }),
    },
    {
      method: 'DELETE',
      path: '/deletedsecrets/{name}',
      handler: guarded((_req, name) => (deleted.delete(name) ? { status: 204 } : notFound(name))),
    },
  ];
}

export async function launchKeyVault(): Promise<RunningEmulator> {
  const server = await startContractServer({ routes: keyVaultRoutes(), tls: true });
  // The SDK trusts the server's throwaway certificate through this file only.
  const caDir = mkdtempSync(join(tmpdir(), 'escher-kv-'));
  const caFile = join(caDir, 'ca.pem');
  writeFileSync(caFile, server.ca ?? '');
  return {
    name: 'keyVault',
    endpoint: server.url,
    env: { ESCHER_KEYVAULT_ENDPOINT: server.url, ESCHER_KEYVAULT_CA_FILE: caFile },
    stop: async () => {
      await server.close();
      rmSync(caDir, { recursive: true, force: true });
    },
  };
}
