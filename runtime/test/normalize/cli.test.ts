// `escher normalize` as a user runs it (the built CLI in a child process; needs `tsc -b`).

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UnifiedEventSchema } from '@escher/shared';
import { describe, expect, it } from 'vitest';
import { fixtureRoot } from './support.js';

const BIN = fileURLToPath(new URL('../../bin/escher.js', import.meta.url));

function escher(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'normalize', ...args], {
      env: { PATH: process.env.PATH ?? '', ESCHER_HOME: fixtureRoot },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

// Each spawn loads the whole CLI; on a busy machine that alone takes seconds.
describe('escher normalize', { timeout: 120_000 }, () => {
  it('prints one UnifiedEvent per line for files and stdin, expanding batches, and exits 0', async () => {
    const ec2 = JSON.stringify({
      id: 'x',
      'detail-type': 'EC2 Instance State-change Notification',
      source: 'aws.ec2',
      account: '123456789012',
      time: '2021-11-11T21:29:54Z',
      region: 'us-east-1',
      detail: { 'instance-id': 'i-abcd1111', state: 'stopped' },
    });
    const { code, stdout, stderr } = await escher(
      [
        `${fixtureRoot}aws/health/docs-abuse-dos-report.json`,
        '-',
        `${fixtureRoot}azure/event-grid/batch-write-and-delete.json`,
      ],
      ec2,
    );
    expect([code, stderr]).toEqual([0, '']);
    const events = lines(stdout).map((l) => UnifiedEventSchema.parse(JSON.parse(l)));
    expect(events.map((e) => [e.cloud_provider, e.event_type, e.resource.name])).toEqual([
      ['aws', 'service_health', 'i-abcd1111'],
      ['aws', 'service_health', 'i-abcd2222'],
      ['aws', 'instance_state_changed', 'i-abcd1111'],
      ['azure', 'resource_modified', 'stdocs001'],
      ['azure', 'resource_deleted', 'stdocs001'],
    ]);
  });

  it('prints what did normalise, then names each unusable part on stderr and exits 2', async () => {
    const batch = JSON.stringify({
      Records: [
        { eventSource: 'aws:sqs', body: 'Message Body' },
        {
          eventSource: 'aws:sqs',
          body: JSON.stringify({
            Type: 'Notification',
            TopicArn: 'arn:aws:sns:us-east-1:111111111111:t',
            Message: '{"hello":"world"}',
          }),
        },
      ],
    });
    const { code, stdout, stderr } = await escher(['-', `${fixtureRoot}does-not-exist.json`], batch);
    expect(code).toBe(2);
    expect(lines(stdout).map((l) => JSON.parse(l).event_type)).toEqual(['unclassified']);
    expect(lines(stderr)).toEqual([
      'escher: normalize: stdin: sqs Records[0].body is not JSON (the event is kept whole in the dead-letter; check the sender or add a normaliser)',
      `escher: normalize: ${fixtureRoot}does-not-exist.json: cannot read ${fixtureRoot}does-not-exist.json: ENOENT: no such file or directory, open '${fixtureRoot}does-not-exist.json' (check the path)`,
    ]);
  });

  it('exits 2 on input that is not JSON', async () => {
    const { code, stdout, stderr } = await escher([], 'not json at all');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      'escher: normalize: stdin: input is not JSON (the event is kept whole in the dead-letter; check the sender or add a normaliser)\n',
    );
  });
});
