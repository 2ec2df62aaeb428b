// The runner image, built with buildah from container/Dockerfile on a locally assembled
// base, does the main job through its own entry point: the demo's CloudTrail event, given
// to `task` the way an ECS RunTask override passes it, makes the public PII bucket private
// in the AWS emulator. The image is small, runs unprivileged, carries no build tools, and
// has the embedding model baked in.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStatus, describeStatus } from '../../runtime/demo/bucket-status.js';
import { ACCOUNT, PII_BUCKET, publicAclEvent, REGION, seedEstate } from '../../runtime/demo/sample-estate.js';
import { loadRuntimeEnv } from '../../runtime/src/config/env.js';
import { HashEmbedder } from '../../runtime/src/embed/hash-embedder.js';
import { snapshotRunnerState } from '../../runtime/src/runner/snapshot-state.js';
import { openSecretStore } from '../../runtime/src/secrets/open-secret-store.js';
import { Redactor } from '../../runtime/src/secrets/redactor.js';
import { createS3Client, S3ObjectStore } from '../../runtime/src/storage/s3-store.js';
import { launchMoto } from '../../runtime/test/support/emulators/moto.js';
import type { RunningEmulator } from '../../runtime/test/support/emulators/types.js';
import { imageConfig, imageSizeBytes, runImage } from './support/buildah.js';
import { buildRunnerImage, INSTALLED_MODEL, RUNNER_IMAGE, removeImages } from './support/image.js';

const STATE_BUCKET = 'escher-state';
const KEY_STORE = 'ssm:///escher';
const CONFIG = {
  name: 'acme',
  home_cloud: 'aws',
  aws: { account: ACCOUNT, region: REGION },
  remediations: ['aws.s3.block_public_access'],
};
let moto: RunningEmulator;
let s3: S3Client;

beforeAll(async () => {
  await buildRunnerImage();
  moto = await launchMoto();
  s3 = createS3Client(loadRuntimeEnv(moto.env));
  for (const bucket of [STATE_BUCKET, PII_BUCKET]) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  // The estate goes into the snapshot the image's runner reads, its key in SSM as runnerEnv says.
  const env = loadRuntimeEnv(moto.env);
  await seedEstate(
    snapshotRunnerState(new S3ObjectStore(s3, STATE_BUCKET, 'state'), {
      keySecrets: openSecretStore(KEY_STORE, env, new Redactor()),
      embedder: async () => new HashEmbedder(),
    }),
  );
}, 45 * 60_000);

afterAll(async () => {
  await moto?.stop();
  await removeImages();
}, 10 * 60_000);

const runnerEnv = (trigger: string) => ({
  ...moto.env,
  ESCHER_STORE: `s3://${STATE_BUCKET}/state`,
  // The snapshot's data key must outlive each container, as in a deployment: SSM on moto.
  ESCHER_SECRETS: KEY_STORE,
  ESCHER_CONFIG: JSON.stringify(CONFIG),
  ESCHER_LOG_LEVEL: 'warn',
  ESCHER_TRIGGER: trigger,
});

async function makePublic(bucket: string): Promise<void> {
  await s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
  const statement = {
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: `arn:aws:s3:::${bucket}/*`,
  };
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: bucket,
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    }),
  );
}

describe('the runner image', () => {
  it('runs the demo event as a container task and the PII bucket is private again', async () => {
    await makePublic(PII_BUCKET);
    expect(describeStatus(await bucketStatus(s3, PII_BUCKET))).toBe(
      'PUBLIC (AllUsers ACL grants: 1, policy public: true, public access block: off)',
    );
    const trigger = JSON.stringify({ kind: 'event', event: publicAclEvent(PII_BUCKET, new Date()) });

    const result = await runImage(RUNNER_IMAGE, ['task'], runnerEnv(trigger));

    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'done' });
    expect(describeStatus(await bucketStatus(s3, PII_BUCKET))).toBe(
      'private (AllUsers ACL grants: 0, policy public: false, public access block: all on)',
    );
  });

  it('exits 2 for a trigger that is not JSON', async () => {
    const result = await runImage(RUNNER_IMAGE, ['task'], runnerEnv('not json'));

    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'bad_input' });
  });

  it('starts node /app/bin/escher.js as uid 10001, serving HTTP unless told otherwise', async () => {
    const config = await imageConfig(RUNNER_IMAGE);

    expect(config.Entrypoint).toEqual(['node', '/app/bin/escher.js']);
    expect(config.Cmd).toEqual(['serve']);
    expect(config.User).toBe('10001:10001');
    const uid = await runImage(RUNNER_IMAGE, ['node', '-p', 'process.getuid()'], {}, true);
    expect(uid.stdout.trim()).toBe('10001');
  });

  it('bakes a compile cache for its uid that serves every bundle file a task loads', async () => {
    const config = await imageConfig(RUNNER_IMAGE);
    expect(config.Env).toContain('NODE_COMPILE_CACHE=/app/compile-cache');

    // Node's own trace of the cache says, per compiled file, whether its cached code was used.
    // A task that refuses its trigger loads the entry, the runner and the state store.
    const result = await runImage(RUNNER_IMAGE, ['task'], {
      ...runnerEnv('not json'),
      NODE_DEBUG_NATIVE: 'COMPILE_CACHE',
    });

    expect(result.code, result.stderr).toBe(2);
    const bundleFiles = (verdict: string) =>
      [...result.stderr.matchAll(/code cache for ESM file:\/\/(\/app\/dist\/bundle\/\S+) was (.+?),/g)]
        .filter((m) => m[2] === verdict)
        .map((m) => m[1]);
    expect(bundleFiles('accepted')).toContain('/app/dist/bundle/escher.js');
    expect(bundleFiles('accepted').length).toBeGreaterThan(10);
    expect(bundleFiles('not initialized')).toEqual([]);
    // Root owns the cache: the runner cannot change what later runs load.
    const owner = await runImage(RUNNER_IMAGE, ['stat', '-c', '%u %A', '/app/compile-cache'], {}, true);
    expect(owner.stdout.trim()).toBe('0 drwxr-xr-x');
  });

  it('bakes all-MiniLM-L6-v2 in, and the embedder that answers is the ONNX one', async () => {
    const config = await imageConfig(RUNNER_IMAGE);
    expect(config.Env).toContain('ESCHER_EMBED_MODEL=/app/models/all-MiniLM-L6-v2');
    // The embedder the runner opens for ESCHER_EMBED_MODEL, asked for one vector.
    const probe = [
      "const { openEmbedder } = await import('/app/dist/embed/open-embedder.js');",
      'const embedder = await openEmbedder(process.env.ESCHER_EMBED_MODEL);',
      "const [vector] = await embedder.embed(['a public storage bucket holding customer PII']);",
      'const norm = Math.sqrt(vector.reduce((s, x) => s + x * x, 0));',
      'console.log(JSON.stringify({ model: embedder.modelId, dims: vector.length, norm: norm.toFixed(3) }));',
    ].join('\n');

    const result = await runImage(RUNNER_IMAGE, ['node', '--input-type=module', '-e', probe], {}, true);

    expect(result.code, result.stderr).toBe(0);
    // The model id carries the weights' digest: the ONNX export the project installs.
    const digest = createHash('sha256')
      .update(readFileSync(join(INSTALLED_MODEL, 'model.onnx')))
      .digest('hex')
      .slice(0, 12);
    expect(JSON.parse(result.stdout)).toEqual({
      model: `all-MiniLM-L6-v2@${digest}`,
      dims: 384,
      norm: '1.000',
    });
  });

  it('carries no package manager, compiler or dev dependency, and stays under 520 MB', async () => {
    const probe =
      'for t in npm npx corepack yarn pnpm gcc cc make tsc; do command -v $t; done; ls /app/node_modules/.pnpm | grep -E "^(typescript|vitest|@biomejs|esbuild|@esbuild)" ; true';
    const found = await runImage(RUNNER_IMAGE, ['sh', '-c', probe], {}, true);

    expect(found.stdout).toBe('');
    expect(await imageSizeBytes(RUNNER_IMAGE)).toBeLessThan(520 * 1024 * 1024);
  });
});
