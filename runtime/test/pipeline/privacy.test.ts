import { CreateBucketCommand, PutBucketAclCommand } from '@aws-sdk/client-s3';
import { EstateResourceSchema, estateRecordId } from '@escher/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAiClient } from '../../src/ai/client.js';
import { createLogger } from '../../src/log.js';
import { handleTrigger } from '../../src/runner/handle-trigger.js';
import { memorySecretStore } from '../../src/runner/memory-secrets.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { type AiServer, startAiServer } from '../contract/ai-server.js';
import { testRig } from './support/deps.js';
import { bucketMadePublic } from './support/events.js';
import { type Moto, REGION, startMoto } from './support/moto.js';

const OTHER_ACCOUNT = '210987654321';
const CANARY = {
  aiToken: 'canary-ai-token-7f3a9b2c41d8e6f0',
  accessKey: 'AKIACANARY00000001',
  secretKey: 'canary-secret-key-Zx81Qw7Ee3Rt5Yu9Io0P',
  tag: 'canary-tag-password-5c2e1d9a',
  metadata: 'canary-metadata-conn-string-e8b4f1',
  encrypted: 'canary-encrypted-private-key-a0c3d5',
  raw: 'canary-raw-session-token-9d8c7b6a',
};

let moto: Moto;
let ai: AiServer;
beforeAll(async () => {
  [moto, ai] = await Promise.all([startMoto(), startAiServer(CANARY.aiToken)]);
});
afterAll(async () => {
  await Promise.all([moto.stop(), ai.close()]);
});

describe('privacy', () => {
  it('keeps canary secrets from the secret store and from resource metadata out of every AI request body and log line', async () => {
    const bucket = 'privacy-bucket';
    await moto.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await moto.s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
    const redactor = new Redactor();
    const secrets = memorySecretStore(
      {
        'escher/ai/token': CANARY.aiToken,
        [`escher/aws/${OTHER_ACCOUNT}/access_key_id`]: CANARY.accessKey,
        [`escher/aws/${OTHER_ACCOUNT}/secret_access_key`]: CANARY.secretKey,
      },
      redactor,
    );
    const logs: string[] = [];
    const log = createLogger({ level: 'debug', redactor, sink: (line) => logs.push(line) });
    const client = createAiClient({
      url: ai.url,
      timeoutMs: 2000,
      log,
      token: () => secrets.get('escher/ai/token'),
      sleep: async () => {},
    });
    // One failed attempt first, so the error paths log too.
    ai.injectFaults({ path: /analyses/, response: { status: 500, body: { error: CANARY.metadata } } });
    const rig = testRig(moto, { ai: client, secrets, redactor, deployed: ['aws.s3.block_public_access'] });
    rig.deps.log = log;
    const resource = EstateResourceSchema.parse({
      cloud_provider: 'aws',
      resource_type: 'object_storage',
      account_id: OTHER_ACCOUNT,
      region: REGION,
      resource_id: `arn:aws:s3:::${bucket}`,
      name: bucket,
      tags: { owner: 'maria', db_password: CANARY.tag, data_classification: 'PII' },
      metadata: { connection_string: CANARY.metadata },
      encrypted_data: { private_key: CANARY.encrypted },
    });
    await rig.deps.state.putRecord('cloud_estate', estateRecordId(resource), resource);
    const base = bucketMadePublic(bucket, 'p0000000-0000-4000-8000-000000000001');
    const event = {
      ...base,
      account: OTHER_ACCOUNT,
      detail: {
        ...base.detail,
        recipientAccountId: OTHER_ACCOUNT,
        requestParameters: { ...base.detail.requestParameters, 'x-amz-security-token': CANARY.raw },
      },
    };

    const result = await handleTrigger({ kind: 'event', event }, rig.deps);

    expect(result.items[0]).toMatchObject({ status: 'done', alert: { status: 'remediated' } });
    const bodies = ai.requests.map((r) => r.text);
    expect(bodies).toHaveLength(2);
    expect(JSON.parse(bodies[1] as string).event.resource.tags).toEqual({
      owner: 'maria',
      db_password: '[withheld]',
      data_classification: 'PII',
    });
    expect(logs.length).toBeGreaterThan(10);
    for (const canary of Object.values(CANARY)) {
      for (const body of bodies) expect(body).not.toContain(canary);
      for (const line of logs) expect(line).not.toContain(canary);
    }
  });
});
