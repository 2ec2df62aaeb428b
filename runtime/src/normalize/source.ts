// The contract every event source and envelope module implements. A source turns one
// recognised vendor payload into UnifiedEvents; an envelope only unwraps a delivery
// wrapper (SNS, SQS, Pub/Sub push, CloudEvents, batches) into the payloads it carries.

import type { CloudProvider, UnifiedEvent } from '@escher/shared';
import type { NormalisationError } from './errors.js';

export interface EventSource {
  /** Namespaces event ids and names the source in errors, e.g. 'aws.cloudtrail'. */
  name: string;
  provider: CloudProvider;
  /** Cheap: checks discriminating fields only. */
  recognise(input: Record<string, unknown>): boolean;
  /** Pure. Throws a NormalisationError when a field it needs is missing or unusable. */
  normalise(input: Record<string, unknown>): UnifiedEvent[];
}

export interface Envelope {
  name: string;
  recognise(input: Record<string, unknown>): boolean;
  /** The payloads inside, each with its path inside the envelope for error messages. */
  unwrap(input: Record<string, unknown>): Unwrapped[];
}

export interface Unwrapped {
  value: unknown;
  path: string;
  /** What the envelope says about where its payload came from, for payloads no source knows. */
  origin?: Origin;
  /** Set instead of a usable value when this one record of a batch could not be unwrapped. */
  error?: NormalisationError;
}

export interface Origin {
  provider: CloudProvider;
  account?: string | undefined;
  region?: string | undefined;
}
