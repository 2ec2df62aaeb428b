// The daemon's `pollCritical` hook, wired like the runner: pipeline deps from the
// environment and deployment config (state, secrets, notifier, remediation clients), and
// the report's accounts and cloud clients for the security collectors.

import type { ExtensionConfig } from '@escher/shared';
import type { RuntimeEnv } from '../config/env.js';
import { ConfigError } from '../errors.js';
import type { Logger } from '../log.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { reportSetup } from '../report/report-setup.js';
import { pollCritical } from './critical-poll.js';

export function criticalPollHook(
  pipeline: PipelineDeps,
  env: RuntimeEnv,
  config: ExtensionConfig | undefined,
) {
  const { scopes, context } = reportSetup(env, config);
  if (scopes.length === 0) {
    throw new ConfigError('--poll-critical has no account to poll', {
      hint: 'add an aws, azure or gcp section to the deployment config (ESCHER_CONFIG)',
    });
  }
  const log: Logger = pipeline.log;
  return async (): Promise<void> => {
    const report = await pollCritical({ pipeline, scopes, context });
    const fields = {
      open: report.open,
      alerted: report.alerted,
      resolved: report.resolved,
      unavailable: report.unavailable.length,
    };
    // A quiet minute is no news; a new alert or a resolved finding is.
    if (report.alerted.length === 0 && report.resolved === 0) log.debug('critical poll', fields);
    else log.info('critical poll', fields);
  };
}
