// What a run ends in, for every entry point to translate: exit status, HTTP status, or an
// SQS partial-batch failure. bad_input is dead-lettered and must not be retried.

import type { AlertRecord } from '@escher/shared';
import type { EscherError } from '../errors.js';

export type ItemResult =
  | { status: 'done'; id: string; alert?: AlertRecord | undefined; duplicate: boolean }
  | { status: 'retry'; id: string; error: EscherError }
  | { status: 'bad_input'; id: string; error: EscherError; deadLetterId: string };

export interface RunResult {
  status: 'done' | 'retry' | 'bad_input';
  items: ItemResult[];
}

const RANK = { done: 0, bad_input: 1, retry: 2 } as const;

/** The run's status is its worst item's: a retry beats bad input, which beats done. */
export function combine(items: ItemResult[]): RunResult {
  const status = items.reduce<RunResult['status']>(
    (worst, i) => (RANK[i.status] > RANK[worst] ? i.status : worst),
    'done',
  );
  return { status, items };
}

export const exitCodeOf = (result: RunResult) => ({ done: 0, retry: 1, bad_input: 2 })[result.status];
