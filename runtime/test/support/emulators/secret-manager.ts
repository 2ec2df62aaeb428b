// A Secret Manager stand-in: the emulators published for it are not installable from the
// package registries this project may use, so this contract server speaks the documented
// Secret Manager v1 REST API that @google-cloud/secret-manager uses in its HTTP/1 (REST
// fallback) mode: secrets, versions, "latest", and Google's JSON error bodies.

import { type ContractResponse, type Route, startContractServer } from '../../contract/server.js';
import type { RunningEmulator } from './types.js';

const ID = /^[A-Za-z0-9_-]{1,255}$/;

const error = (code: number, status: string, message: string): ContractResponse => ({
  status: code,
  body: { error: { code, message, status } },
});

function secretManagerRoutes(): Route[] {
  const secrets = new Map<string, string[]>();
  const key = (project: string, secret: string) => `projects/${project}/secrets/${secret}`;
  const notFound = (name: string) =>
    error(404, 'NOT_FOUND', `Secret [${name}] not found or has no versions.`);

  return [
    {
      method: 'GET',
      path: '/v1/projects/{project}/secrets/{secret}/versions/{version}:access',
      handler: (req) => {
        const name = key(req.params.project ?? '', req.params.secret ?? '');
        const versions = secrets.get(name) ?? [];
        const wanted = req.params.version === 'latest' ? versions.length : Number(req.params.version);
        const data = versions[wanted - 1];
        if (data === undefined) return notFound(name);
        return { status: 200, body: { name: `${name}/versions/${wanted}`, payload: { data } } };
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{project}/secrets/{secret}:addVersion',
      handler: (req) => {
        const name = key(req.params.project ?? '', req.params.secret ?? '');
        const versions = secrets.get(name);
        if (!versions) return notFound(name);
        const data = (req.json as { payload?: { data?: unknown } } | undefined)?.payload?.data;
        if (typeof data !== 'string') return error(400, 'INVALID_ARGUMENT', 'payload.data is required.');
        versions.push(data);
        return { status: 200, body: { name: `${name}/versions/${versions.length}`, state: 'ENABLED' } };
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{project}/secrets',
      handler: (req) => {
        const id = req.query.get('secretId') ?? '';
        if (!ID.test(id)) return error(400, 'INVALID_ARGUMENT', `Secret ID [${id}] is invalid.`);
        const name = key(req.params.project ?? '', id);
        if (secrets.has(name)) return error(409, 'ALREADY_EXISTS', `Secret [${name}] already exists.`);
        secrets.set(name, []);
        return { status: 200, body: { name, replication: { automatic: {} } } };
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{project}/secrets',
      handler: (req) => {
        const parent = `projects/${req.params.project}/secrets/`;
        const names = [...secrets.keys()].filter((n) => n.startsWith(parent));
        return { status: 200, body: { secrets: names.map((name) => ({ name })), totalSize: names.length } };
      },
    },
    {
      method: 'DELETE',
      path: '/v1/projects/{project}/secrets/{secret}',
      handler: (req) => {
        const name = key(req.params.project ?? '', req.params.secret ?? '');
        return secrets.delete(name) ? { status: 200, body: {} } : notFound(name);
      },
    },
  ];
}

export async function launchSecretManager(): Promise<RunningEmulator> {
  const server = await startContractServer({ routes: secretManagerRoutes() });
  return {
    name: 'secretManager',
    endpoint: server.url,
    env: { ESCHER_GSM_ENDPOINT: server.url },
    stop: () => server.close(),
  };
}
