// What the CloudTrail classifiers see of one API call, and what they decide about it.

import type { EventType, ResourceType } from '@escher/shared';
import type { Baseline } from '../build-event.js';
import type { Json } from '../fields.js';

export interface TrailCall {
  name: string;
  params: Json;
  response: Json | undefined;
  account: string;
  region: string;
}

export interface CallFinding {
  eventType: EventType;
  baseline: Baseline;
  resource: {
    type: ResourceType;
    id: string;
    name?: string | undefined;
    nativeType: string;
    metadata?: Record<string, unknown>;
  };
  /** Overrides the call's region when the resource has none (IAM). */
  region?: string;
}

/** Classifies the calls of one service; undefined leaves the call to the generic rules. */
export type CallClassifier = (call: TrailCall) => CallFinding[] | undefined;
