import { describe, expect, it } from 'vitest';
import { awsErrorCode, runnerAwsConfig } from '../../src/clouds/aws/runner-client-config.js';
import { loadRuntimeEnv } from '../../src/config/env.js';

describe('runnerAwsConfig', () => {
  it('passes the region, the endpoint override and both halves of explicit keys', () => {
    const env = loadRuntimeEnv({
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:5000',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing-secret',
      AWS_SESSION_TOKEN: 'session',
    });
    expect(runnerAwsConfig(env)).toEqual({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:5000',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing-secret', sessionToken: 'session' },
    });
  });

  it('leaves credentials to the SDK chain when only one half of a key pair is set', () => {
    const env = loadRuntimeEnv({ AWS_REGION: 'us-east-2', AWS_ACCESS_KEY_ID: 'testing' });
    expect(runnerAwsConfig(env)).toEqual({ region: 'us-east-2' });
  });
});

describe('awsErrorCode', () => {
  it('reads the code and HTTP status of an SDK error, and nothing from other values', () => {
    const err = Object.assign(new Error('denied'), {
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    expect(awsErrorCode(err)).toEqual({ code: 'AccessDenied', status: 403 });
    expect(awsErrorCode(undefined)).toEqual({ code: '', status: undefined });
  });
});
