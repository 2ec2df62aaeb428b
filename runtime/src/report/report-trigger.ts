// `{kind:'report'}` for the runner's dispatch table: generate, store and announce the day's
// report. Collector failures are inside the report; only a store failure asks for a retry.

import type { Trigger } from '@escher/shared';
import { loadRuntimeEnv } from '../config/env.js';
import { EscherError, TransientError } from '../errors.js';
import type { PipelineDeps, RunOptions } from '../pipeline/deps.js';
import { combine, type RunResult } from '../pipeline/result.js';
import { loadDeploymentConfig } from '../runner/config.js';
import { generateReport } from './generate.js';
import { reportSetup } from './report-setup.js';

export async function runReportTrigger(
  trigger: Extract<Trigger, { kind: 'report' }>,
  deps: PipelineDeps,
  options: RunOptions,
): Promise<RunResult> {
  const env = loadRuntimeEnv();
  const { scopes, context } = reportSetup(env, await loadDeploymentConfig(env));
  const id = `report:${trigger.date ?? deps.clock().toISOString().slice(0, 10)}`;
  try {
    const result = await generateReport(
      {
        state: deps.state,
        notifier: deps.notifier,
        ai: deps.ai,
        log: deps.log,
        clock: deps.clock,
        scopes,
        context,
      },
      { ...(trigger.date ? { date: trigger.date } : {}), dryRun: options.dryRun },
    );
    deps.log.info('morning report', {
      id: result.report.id,
      stored: result.stored,
      findings: result.report.findings.length,
    });
    return combine([{ status: 'done', id: result.report.id, duplicate: !result.stored }]);
  } catch (err) {
    const error =
      err instanceof EscherError
        ? err
        : new TransientError('the morning report could not be stored', { cause: err });
    deps.log.error('morning report failed', { id, error: error.message });
    return combine([{ status: 'retry', id, error }]);
  }
}
