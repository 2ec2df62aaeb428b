// Nothing is dropped: unusable input becomes a typed error naming the source and the
// field; one bad record never sinks the rest of its batch.

import { describe, expect, it } from 'vitest';
import {
  InvalidFieldError,
  MalformedEventError,
  MissingFieldError,
  NestingTooDeepError,
  NormalisationError,
  normalizeText,
} from '../../src/normalize/index.js';
import { fixture, run } from './support.js';

describe('normalize errors', () => {
  it('rejects text that is not JSON', () => {
    const { events, errors } = normalizeText('{"version": "0", ');
    expect(events).toEqual([]);
    expect(errors[0]).toBeInstanceOf(MalformedEventError);
    expect([errors[0]?.source, errors[0]?.field, errors[0]?.message]).toEqual([
      'input',
      '',
      'input is not JSON',
    ]);
  });

  it('rejects a JSON value that is not an object', () => {
    const { errors } = run(42);
    expect(errors[0]).toBeInstanceOf(MalformedEventError);
    expect(errors[0]?.message).toBe('input is number, not a JSON object');
  });

  it('names the source and the field a recognised event lacks', () => {
    const e = fixture('aws/ec2-state-change/docs-pending.json');
    delete e.detail['instance-id'];
    const { errors } = run(e);
    expect(errors[0]).toBeInstanceOf(MissingFieldError);
    expect([errors[0]?.source, errors[0]?.field]).toEqual(['aws.ec2-state-change', 'detail.instance-id']);
    expect(errors[0]?.exitCode).toBe(2);
  });

  it('names a field of the wrong type', () => {
    const e = fixture('aws/guardduty/eventbridge-ec2-backdoor.json');
    e.detail.updatedAt = 'yesterday-ish';
    const { errors } = run(e);
    expect(errors[0]).toBeInstanceOf(InvalidFieldError);
    expect([errors[0]?.source, errors[0]?.field]).toEqual(['aws.guardduty', 'detail.updatedAt']);
  });

  it('keeps the good records of a batch and reports the bad one by its position', () => {
    const batch = fixture('aws/cloudtrail/sqs-batch-raw-and-sns-wrapped.json');
    batch.Records.push({ messageId: 'bad', eventSource: 'aws:sqs', body: 'Message Body' });
    const { events, errors } = run(batch);
    expect(events.map((e) => e.event_type)).toEqual([
      'storage_public_access_unblocked',
      'storage_public_access_unblocked',
    ]);
    expect(errors).toHaveLength(1);
    expect([errors[0]?.source, errors[0]?.field]).toEqual(['sqs', 'Records[2].body']);
  });

  it('reports where in an Event Grid batch a broken event sits', () => {
    const batch = fixture('azure/event-grid/batch-write-and-delete.json');
    delete batch[1].data;
    const { events, errors } = run(batch);
    expect(events).toHaveLength(1);
    expect([errors[0]?.source, errors[0]?.field, errors[0]?.details.at]).toEqual([
      'azure.event-grid-resource',
      'data',
      '[1]',
    ]);
  });

  it('rejects Pub/Sub data that is not JSON', () => {
    const push = fixture('gcp/monitoring-incident/pubsub-push-open-error.json');
    push.message.data = Buffer.from('not json').toString('base64');
    const { errors } = run(push);
    expect(errors[0]).toBeInstanceOf(MalformedEventError);
    expect([errors[0]?.source, errors[0]?.field]).toEqual(['gcp.pubsub', 'message.data']);
  });

  it('stops at envelopes nested deeper than any real delivery', () => {
    let input: unknown = fixture('aws/ec2-state-change/docs-pending.json');
    for (let i = 0; i < 12; i++) input = [input];
    const { events, errors } = run(input);
    expect(events).toEqual([]);
    expect(errors[0]).toBeInstanceOf(NestingTooDeepError);
  });

  it('rejects a well-formed object that names no cloud', () => {
    const { errors } = run({ hello: 'world' });
    expect(errors[0]).toBeInstanceOf(MalformedEventError);
    expect(errors[0]?.source).toBe('unclassified');
  });

  it('gives every error a hint for the user', () => {
    const { errors } = run('nope');
    expect(errors[0]).toBeInstanceOf(NormalisationError);
    expect(errors[0]?.toUserMessage()).toBe(
      'input is string, not a JSON object (the event is kept whole in the dead-letter; check the sender or add a normaliser)',
    );
  });
});

describe('unclassified events', () => {
  it('keeps an unknown AWS event whole, with its account and region', () => {
    const e = fixture('unclassified/aws-cloudwatch-alarm-configuration-change.json');
    const [event] = run(e).events;
    expect(event?.event_type).toBe('unclassified');
    expect([event?.cloud_provider, event?.account_id, event?.region]).toEqual([
      'aws',
      '123456789012',
      'us-east-1',
    ]);
    expect(event?.raw_event).toEqual(e);
    expect(event?.timestamp).toBe('2022-03-03T17:06:34.000Z');
  });

  it('infers the cloud from the envelope when the payload says nothing', () => {
    const [event] = run(fixture('unclassified/aws-sqs-sns-app-message.json')).events;
    expect([event?.cloud_provider, event?.account_id, event?.region]).toEqual([
      'aws',
      '231436140809',
      'eu-west-1',
    ]);
    expect(event?.raw_event).toEqual({ message: 'hello world', username: 'lessa' });
  });

  it('falls back to the clock only when the event carries no time', () => {
    const [event] = run({ source: 'aws.custom', 'detail-type': 'Something' }).events;
    expect(event?.timestamp).toBe('2026-01-01T00:00:00.000Z');
  });
});
