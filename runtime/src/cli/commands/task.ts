// `escher task [--trigger JSON]`: container task mode. The trigger comes from the flag or
// ESCHER_TRIGGER (how ECS RunTask overrides, Azure Container Instances and Cloud Run jobs
// pass it). Exit 0 done, 1 retryable failure, 2 bad trigger.

import type { Command } from 'commander';
import { entryRuntime } from '../../entry/from-cli.js';
import { runTask } from '../../entry/task.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

export const taskCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  program
    .command('task')
    .description('run one trigger (container task mode) and exit: 0 done, 1 retry, 2 bad trigger')
    .option('--trigger <json>', 'the trigger as JSON (default: ESCHER_TRIGGER)')
    .action(async (flags: { trigger?: string }) => {
      const c = ctx();
      const trigger = flags.trigger ?? c.env.ESCHER_TRIGGER;
      const { deps } = await entryRuntime(c);
      const outcome = await runTask(trigger, deps);
      c.out(`${JSON.stringify(outcome.summary)}\n`);
      process.exitCode = outcome.exitCode;
    });
};
