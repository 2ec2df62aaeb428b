// AWS Budgets alerts. Budgets publishes plain text to SNS (no JSON, no EventBridge
// event), so this source reads the SNS notification itself and the labelled lines of
// its message ("AWS Account 123…", "Budget Name: …", "Alert Type: ACTUAL", "ACTUAL Amount: $…").
//   ACTUAL over threshold → HIGH; FORECASTED → MEDIUM.

import { GLOBAL_REGION } from '@escher/shared';
import { buildEvent } from '../build-event.js';
import { isoTimestamp, need, str } from '../fields.js';
import { money, round2 } from '../money.js';
import { high, medium } from '../severity.js';
import type { EventSource } from '../source.js';

const SOURCE = 'aws.budgets';

export const awsBudgets: EventSource = {
  name: SOURCE,
  provider: 'aws',
  recognise: (input) =>
    input.Type === 'Notification' &&
    typeof input.Message === 'string' &&
    input.Message.startsWith('AWS Budget Notification'),
  normalise(input) {
    // Messages are a few hundred bytes; cap what the line patterns scan all the same.
    const message = (str(input, 'Message') ?? '').slice(0, 8192);
    const account = need(line(message, /^AWS Account (\d{12})\s*$/m), SOURCE, 'Message: AWS Account');
    const budget = need(line(message, /^Budget Name: (.+?)\s*$/m), SOURCE, 'Message: Budget Name');
    const alertType = line(message, /^Alert Type: (\w+)\s*$/m) ?? 'ACTUAL';
    const amount = money(line(message, new RegExp(`^${alertType} Amount: (.+?)\\s*$`, 'm')));
    const budgeted = money(line(message, /^Budgeted Amount: (.+?)\s*$/m));
    const forecast = alertType === 'FORECASTED';
    return [
      buildEvent({
        source: SOURCE,
        vendorId: need(str(input, 'MessageId'), SOURCE, 'MessageId'),
        provider: 'aws',
        eventType: 'budget_exceeded',
        baseline: forecast
          ? medium(`budget ${budget} forecast to exceed its alert threshold`)
          : high(`budget ${budget} actual spend exceeded its alert threshold`),
        accountId: account,
        region: GLOBAL_REGION,
        resource: {
          type: 'budget',
          id: `arn:aws:budgets::${account}:budget/${budget}`,
          name: budget,
          nativeType: 'AWS::Budgets::Budget',
          metadata: {
            alert_type: alertType,
            threshold: line(message, /^Alert Threshold: (.+?)\s*$/m),
            budgeted_amount: budgeted,
            amount,
            topic_arn: str(input, 'TopicArn'),
          },
        },
        timestamp: isoTimestamp(input.Timestamp, SOURCE, 'Timestamp'),
        // The overspend, when the alert is about actual spend above the budgeted amount.
        costImpact:
          amount !== undefined && budgeted !== undefined ? round2(Math.max(0, amount - budgeted)) : undefined,
        raw: input,
      }),
    ];
  },
};

function line(text: string, pattern: RegExp): string | undefined {
  return pattern.exec(text)?.[1];
}
