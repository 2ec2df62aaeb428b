// Binds the entry points to the runner's pipeline: EntryDeps from PipelineDeps. The only
// entry module that knows the pipeline exists.

import { stateJobStore } from '../jobs/job-store.js';
import { deadLetter, hashOf } from '../pipeline/dead-letter.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { handleTrigger } from '../runner/handle-trigger.js';
import type { EntryDeps } from './entry-deps.js';
import { SHARED_SECRET_NAME } from './http/verifiers.js';

export function pipelineEntryDeps(deps: PipelineDeps): EntryDeps {
  const runtime = deps.runtime;
  return {
    handle: (trigger) => handleTrigger(trigger, deps),
    deadLetter: (raw, error) => deadLetter(deps, { id: hashOf(raw), step: 'accept', error, raw }),
    log: deps.log,
    ...(runtime
      ? {
          snoozes: {
            key: () => runtime.secrets.get(SHARED_SECRET_NAME),
            add: (snooze) => stateJobStore(deps.state, runtime.config).addSnooze(snooze),
          },
        }
      : {}),
  };
}
