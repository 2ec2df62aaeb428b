// The EventBridge event envelope every AWS service event shares: id, account, region,
// time, detail. Sources check `source` and `detail-type` first because both are cheap.

import { isoTimestamp, type Json, need, obj, str } from '../fields.js';

export interface EventBridgeBase {
  id: string;
  account: string;
  region: string;
  time: string;
  detail: Json;
}

export function isEventBridge(input: Json, source: string, detailTypes: readonly string[]): boolean {
  return input.source === source && detailTypes.includes(input['detail-type'] as string);
}

export function eventBridgeBase(input: Json, sourceName: string): EventBridgeBase {
  return {
    id: need(str(input, 'id'), sourceName, 'id'),
    account: need(str(input, 'account'), sourceName, 'account'),
    region: need(str(input, 'region'), sourceName, 'region'),
    time: isoTimestamp(input.time, sourceName, 'time'),
    detail: need(obj(input, 'detail'), sourceName, 'detail'),
  };
}

/** Region and account out of an ARN: arn:partition:service:region:account:resource. */
export function arnParts(arn: string): { service: string; region: string; account: string } | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return { service: parts[2] ?? '', region: (parts[3] ?? '').trim(), account: (parts[4] ?? '').trim() };
}
