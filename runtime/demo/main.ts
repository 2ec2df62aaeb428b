// `make demo`: the seed's 2:32 AM story on this machine. Starts the local AWS emulator,
// creates a small estate with a PII bucket, makes that bucket public, feeds the CloudTrail
// event to `escher run` (first as a dry run, then for real), and shows the bucket private
// again, the timeline, the audit record and the notification a local webhook received.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { HashEmbedder } from '../src/embed/hash-embedder.js';
import { snapshotRunnerState } from '../src/runner/snapshot-state.js';
import { LocalSecretStore } from '../src/secrets/local-secret-store.js';
import { LocalObjectStore } from '../src/storage/local-store.js';
import { launchMoto } from '../test/support/emulators/moto.js';
import { bucketStatus, describeStatus, isPublic } from './bucket-status.js';
import { ACCOUNT, OTHER_BUCKETS, PII_BUCKET, publicAclEvent, REGION, seedEstate } from './sample-estate.js';
import { startWebhookReceiver } from './webhook-receiver.js';

const BIN = fileURLToPath(new URL('../bin/escher.js', import.meta.url));
const say = (text = '') => process.stdout.write(`${text}\n`);
const title = (text: string) => say(`\n━━ ${text}`);

function escher(
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const dir = mkdtempSync(join(tmpdir(), 'escher-demo-'));
title('Starting the local AWS emulator (moto)');
const moto = await launchMoto();
const webhookSecret = randomBytes(16).toString('hex');
const webhook = await startWebhookReceiver(webhookSecret);
try {
  say(`moto at ${moto.endpoint}; a local webhook receiver at ${webhook.url}; state and secrets in ${dir}`);
  const s3 = new S3Client({
    region: REGION,
    endpoint: moto.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const stateUrl = `file://${join(dir, 'state')}`;
  const secrets = new LocalSecretStore(join(dir, 'secrets'));
  await secrets.put('escher/notify/webhook_url', webhook.url);
  await secrets.put('escher/notify/webhook_secret', webhookSecret);
  const config = {
    name: 'acme',
    home_cloud: 'aws',
    aws: { account: ACCOUNT, region: REGION },
    remediations: ['aws.s3.block_public_access', 'aws.ec2.revoke_public_admin_ingress'],
  };
  writeFileSync(join(dir, 'escher.config.json'), JSON.stringify(config, null, 2));

  title('Creating a small sample estate');
  for (const bucket of [PII_BUCKET, ...OTHER_BUCKETS])
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // The estate goes into the state's vector snapshot, as the laptop's sync would put it.
  const count = await seedEstate(
    snapshotRunnerState(new LocalObjectStore(join(dir, 'state')), {
      keySecrets: secrets,
      embedder: async () => new HashEmbedder(),
    }),
  );
  say(
    `${count} resources recorded in the estate; ${PII_BUCKET} is tagged data_classification=PII, environment=production`,
  );
  say('Pre-approved in the config: make public buckets private, close admin ports');

  title(`2:32 AM: someone makes ${PII_BUCKET} public`);
  await s3.send(new PutBucketAclCommand({ Bucket: PII_BUCKET, ACL: 'public-read' }));
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublicRead',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${PII_BUCKET}/*`,
      },
    ],
  };
  await s3.send(new PutBucketPolicyCommand({ Bucket: PII_BUCKET, Policy: JSON.stringify(policy) }));
  const madePublicAt = new Date();
  say(`S3 says: ${describeStatus(await bucketStatus(s3, PII_BUCKET))}`);
  const event = JSON.stringify(publicAclEvent(PII_BUCKET, madePublicAt));

  const env = {
    ESCHER_HOME: dir,
    ESCHER_SECRETS: `file://${join(dir, 'secrets')}`,
    ESCHER_CONFIG_FILE: join(dir, 'escher.config.json'),
    ESCHER_LOG_LEVEL: 'warn',
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };

  title('First, a dry run: escher run --event - --dry-run');
  const dry = await escher(['run', '--event', '-', '--store', stateUrl, '--dry-run'], env, event);
  say(dry.out.trimEnd());
  if (dry.err) say(dry.err.trimEnd());
  say(`\nAfter the dry run S3 still says: ${describeStatus(await bucketStatus(s3, PII_BUCKET))}`);

  title('Now the real run: the CloudTrail event goes to escher run --event -');
  const real = await escher(['run', '--event', '-', '--store', stateUrl], env, event);
  say(real.out.trimEnd());
  if (real.code !== 0) throw new Error(`escher run exited with ${real.code}: ${real.err}`);

  title('Checking the bucket through the S3 API');
  const after = await bucketStatus(s3, PII_BUCKET);
  say(`S3 says: ${describeStatus(after)}`);
  say(isPublic(after) ? '❌ the bucket is still public' : `✅ ${PII_BUCKET} is private again`);

  title('The audit record, as the laptop reads it: escher state export --collection audit');
  const audit = await escher(['state', 'export', '--store', stateUrl, '--collection', 'audit'], env, '');
  if (audit.code !== 0) throw new Error(`escher state export exited with ${audit.code}: ${audit.err}`);
  for (const line of audit.out.trim().split('\n')) {
    const { id, payload } = JSON.parse(line) as { id: string; payload: unknown };
    say(JSON.stringify({ id, ...(payload as object) }, null, 2));
  }

  title('The notification the local webhook received');
  const got = webhook.received[0];
  if (!got) say('(none arrived)');
  else {
    const n = got.body.notification;
    say(`${n.title}\n${n.summary}\n${n.lines.map((l) => `  • ${l}`).join('\n')}`);
    say(
      `severity ${n.severity}, resolved=${n.resolved}, signature ${got.signatureValid ? 'valid ✅' : 'INVALID ❌'}`,
    );
  }
  title('Redelivering the same event changes nothing');
  const again = await escher(['run', '--event', '-', '--store', stateUrl], env, event);
  say(again.out.split('\n')[0] ?? '');
  say(`\nAll state of this demo is in ${dir}; see it with: escher approvals list --store ${stateUrl} --all`);
} finally {
  await webhook.close();
  await moto.stop();
}
