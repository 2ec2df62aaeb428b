// Credential sets per cloud: loaded into SDK-ready shapes, and refused with the missing or
// malformed field named, never the value.

import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../../src/errors.js';
import {
  loadAwsCredentials,
  loadAzureCredentials,
  loadGcpCredentials,
  validateCredentialFields,
} from '../../src/secrets/cloud-credentials.js';
import { credentialStatuses } from '../../src/secrets/credential-status.js';
import type { SecretStore } from '../../src/secrets/secret-store.js';

function store(values: Record<string, string>): SecretStore {
  return {
    url: 'memory://',
    get: async (name) => values[name],
    put: async (name, value) => {
      values[name] = value;
    },
    list: async (prefix) =>
      Object.keys(values)
        .filter((n) => n.startsWith(prefix))
        .sort(),
    delete: async (name) => {
      delete values[name];
    },
  };
}

const SUB = '0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';
const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';
const KEY_FILE = {
  type: 'service_account',
  project_id: 'proj-one',
  client_email: 'runner@proj-one.iam.gserviceaccount.com',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
};

describe('loadAwsCredentials', () => {
  it('returns static keys with the session token when present', async () => {
    const s = store({
      'escher/aws/123456789012/access_key_id': 'AKIAIOSFODNN7EXAMPLE',
      'escher/aws/123456789012/secret_access_key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'escher/aws/123456789012/session_token': 'token-1',
    });
    expect(await loadAwsCredentials(s, '123456789012')).toEqual({
      kind: 'static',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'token-1',
    });
  });

  it('returns a role to assume when only role_arn is stored', async () => {
    const s = store({ 'escher/aws/210987654321/role_arn': 'arn:aws:iam::210987654321:role/escher-member' });
    expect(await loadAwsCredentials(s, '210987654321')).toEqual({
      kind: 'assume-role',
      roleArn: 'arn:aws:iam::210987654321:role/escher-member',
    });
  });

  it('names the missing secrets of an incomplete set', async () => {
    const s = store({ 'escher/aws/123456789012/access_key_id': 'AKIAIOSFODNN7EXAMPLE' });
    await expect(loadAwsCredentials(s, '123456789012')).rejects.toThrow(
      'aws credentials for 123456789012 are incomplete: missing escher/aws/123456789012/secret_access_key',
    );
  });

  it('refuses a malformed key id without quoting it', async () => {
    const s = store({
      'escher/aws/123456789012/access_key_id': 'not-a-key-id-but-secret',
      'escher/aws/123456789012/secret_access_key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    const err = await loadAwsCredentials(s, '123456789012').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe(
      'aws credentials for 123456789012 are malformed: accessKeyId must be an AWS access key id (A-Z, 0-9)',
    );
  });
});

describe('loadAzureCredentials and loadGcpCredentials', () => {
  it('returns ClientSecretCredential parameters', async () => {
    const s = store({
      [`escher/azure/${SUB}/tenant_id`]: TENANT,
      [`escher/azure/${SUB}/client_id`]: CLIENT,
      [`escher/azure/${SUB}/client_secret`]: 'cs~secret',
    });
    expect(await loadAzureCredentials(s, SUB)).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: 'cs~secret',
    });
  });

  it('returns the service account key object', async () => {
    const s = store({ 'escher/gcp/proj-one/service_account_json': JSON.stringify(KEY_FILE) });
    expect(await loadGcpCredentials(s, 'proj-one')).toEqual(KEY_FILE);
  });

  it('refuses a key file that is not JSON', async () => {
    const s = store({ 'escher/gcp/proj-one/service_account_json': 'oops' });
    await expect(loadGcpCredentials(s, 'proj-one')).rejects.toThrow(
      'gcp credentials for proj-one are malformed: service_account_json is not JSON',
    );
  });
});

describe('validateCredentialFields', () => {
  it('refuses unknown fields as input errors', async () => {
    const err = await validateCredentialFields('azure', SUB, { password: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).toUserMessage()).toBe(
      'unknown azure credential field password (use tenant_id, client_id, client_secret)',
    );
  });
});

describe('credentialStatuses', () => {
  it('reports complete and incomplete sets per cloud and account from names alone', async () => {
    const s = store({
      'escher/aws/123456789012/access_key_id': 'a',
      'escher/aws/123456789012/secret_access_key': 'b',
      'escher/aws/210987654321/access_key_id': 'c',
      [`escher/azure/${SUB}/tenant_id`]: 'd',
      'escher/ai/token': 'e',
    });
    expect(await credentialStatuses(s)).toEqual([
      {
        cloud: 'aws',
        account: '123456789012',
        complete: true,
        fields: ['access_key_id', 'secret_access_key'],
        missing: [],
      },
      {
        cloud: 'aws',
        account: '210987654321',
        complete: false,
        fields: ['access_key_id'],
        missing: ['secret_access_key'],
      },
      {
        cloud: 'azure',
        account: SUB,
        complete: false,
        fields: ['tenant_id'],
        missing: ['client_id', 'client_secret'],
      },
    ]);
  });
});
