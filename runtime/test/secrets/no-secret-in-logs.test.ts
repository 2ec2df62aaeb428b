// Non-negotiable: no loaded secret reaches a log line. Canary secrets are put in every
// backend, loaded back by a freshly opened store (as a new runner process would), and
// then logged every way a careless caller might: messages, fields, nested objects, error
// messages and causes, child loggers and JSON strings.

import { describe, expect, it } from 'vitest';
import { EscherError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { openSecretStore } from '../../src/secrets/open-secret-store.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { emulators, runtimeEnvWith } from '../support/emulators.js';
import { secretBackends } from './backends.js';

const allEmulatorEnv = () =>
  runtimeEnvWith(Object.assign({}, ...Object.values(emulators()).map((e) => e.env)));

describe.each(secretBackends)('secrets loaded from $name', (backend) => {
  it('never appear in any log line', async () => {
    const { store: writer, cleanup } = await backend.open();
    const canaries: Record<string, string> = {
      'escher/ai/token': `ai-canary-${crypto.randomUUID()}`,
      'escher/aws/123456789012/secret_access_key': `aws/canary+${crypto.randomUUID()}`,
      'escher/notify/slack_webhook_url': `https://hooks.example.invalid/canary/${crypto.randomUUID()}`,
      'escher/gcp/proj-one/service_account_json': JSON.stringify({
        private_key: `-----BEGIN PRIVATE KEY-----\ncanary${crypto.randomUUID()}\n-----END PRIVATE KEY-----\n`,
      }),
    };
    try {
      for (const [name, value] of Object.entries(canaries)) await writer.put(name, value);
      const redactor = new Redactor();
      const reader = openSecretStore(writer.url, allEmulatorEnv(), redactor);
      const [token, awsKey, webhook, saJson] = (await Promise.all(
        Object.keys(canaries).map((n) => reader.get(n)),
      )) as string[];
      expect([token, awsKey, webhook, saJson]).toEqual(Object.values(canaries));
      const privateKey = (JSON.parse(saJson as string) as { private_key: string }).private_key;

      const lines: string[] = [];
      const log = createLogger({ redactor, sink: (line) => lines.push(line), level: 'debug' });
      log.info(`calling AI with token ${token}`);
      log.debug('request', { headers: { authorization: `Bearer ${token}` }, body: { key: awsKey } });
      log.warn('webhook failed', { url: webhook, attempt: 2 });
      log.error('sdk error', {
        error: new EscherError(`signature mismatch for ${awsKey}`, { cause: new Error(`key ${privateKey}`) }),
      });
      log.child({ webhook }).info('child logger', { sa: saJson });

      expect(lines).toHaveLength(5);
      for (const line of lines) {
        for (const canary of [token, awsKey, webhook, saJson, privateKey]) {
          expect(line).not.toContain(canary);
          // Log lines are JSON: a multi-line secret shows up with its newlines escaped.
          expect(line).not.toContain(JSON.stringify(canary).slice(1, -1));
        }
        expect(line).toContain('[REDACTED]');
      }
      expect(JSON.parse(lines[2] as string)).toMatchObject({
        level: 'warn',
        msg: 'webhook failed',
        url: '[REDACTED]',
        attempt: 2,
      });
    } finally {
      await cleanup();
    }
  });
});
