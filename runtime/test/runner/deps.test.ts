import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { parseExtensionConfig } from '@escher/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRuntimeEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { buildRunnerDeps } from '../../src/runner/deps.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { emulator } from '../support/emulators.js';

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' };
const config = parseExtensionConfig({
  home_cloud: 'aws',
  aws: { account: '123456789012', region: 'us-east-1' },
  notifications: { emails: ['ops@company.example'] },
});
const notification = {
  dedup_key: 'alert-azure-nsg-web-3389',
  severity: 'MEDIUM' as const,
  title: "NSG 'web' allows RDP from the internet",
  summary: 'Review the rule.',
  lines: [],
  actions: [],
  resolved: false,
  source: 'remediation' as const,
  at: '2026-11-22T03:00:00.000Z',
};

async function depsFor(extra: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'escher-deps-'));
  const env = loadRuntimeEnv({
    ESCHER_HOME: dir,
    ESCHER_SECRETS: `file://${join(dir, 'secrets')}`,
    ...extra,
  });
  const redactor = new Redactor();
  const log = createLogger({ level: 'error', redactor });
  return buildRunnerDeps({ env, config, log, redactor, storeUrl: `file://${join(dir, 'state')}` });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('buildRunnerDeps', () => {
  it('wires remediation clients for all three clouds', async () => {
    const deps = await depsFor({});
    expect(Object.keys(deps.clients).sort()).toEqual(['aws', 'azure', 'gcp']);
  });

  it('writes a banner record into alerts_events for a MEDIUM notification', async () => {
    const deps = await depsFor({});
    expect(await deps.notifier.send(notification)).toEqual([{ channel: 'banner', ok: true }]);
    const [banner] = await deps.state.listRecords('alerts_events', 'banner:');
    expect(banner).toMatchObject({
      id: 'banner:alert-azure-nsg-web-3389',
      severity: 'MEDIUM',
      show: 'banner',
    });
  });

  it('publishes email to the topic in ESCHER_NOTIFY_TOPIC_ARN', async () => {
    const endpoint = emulator('moto').endpoint;
    for (const [k, v] of Object.entries(CREDENTIALS)) vi.stubEnv(k, v);
    const sns = new SNSClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    const topic = await sns.send(new CreateTopicCommand({ Name: 'escher-deps-email' }));
    const deps = await depsFor({
      AWS_ENDPOINT_URL: endpoint,
      ESCHER_NOTIFY_TOPIC_ARN: topic.TopicArn as string,
    });
    const results = await deps.notifier.send({ ...notification, severity: 'HIGH' });
    expect(results).toEqual([
      { channel: 'email', ok: true },
      { channel: 'banner', ok: true },
    ]);
  });

  it('has no email channel when no topic is configured', async () => {
    const deps = await depsFor({ AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    expect(await deps.notifier.send({ ...notification, severity: 'HIGH' })).toEqual([
      { channel: 'banner', ok: true },
    ]);
  });
});

describe('ESCHER_NOTIFY_TOPIC_ARN', () => {
  it('is refused when it is not an ARN', () => {
    expect(() => loadRuntimeEnv({ ESCHER_NOTIFY_TOPIC_ARN: 'escher-notifications' })).toThrow(
      /ESCHER_NOTIFY_TOPIC_ARN is invalid/,
    );
  });
});
