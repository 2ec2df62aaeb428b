// `escher daemon`: Local Only mode. Runs the scheduled jobs on this machine with an
// embedded scheduler. Flags only here; the work happens in jobs/daemon-action.ts.

import type { Command } from 'commander';
import { daemonAction } from '../../jobs/daemon-action.js';
import type { CliContext } from '../context.js';

export function daemonCommand(program: Command, ctx: () => CliContext): void {
  program
    .command('daemon')
    .description('run scheduled jobs on this machine (Local Only mode)')
    .option('--store <url>', 'state store URL (default: ESCHER_STORE, else $ESCHER_HOME/state)')
    .option('--tick-seconds <n>', 'how often to check for due runs', '30')
    .option('--grace-minutes <n>', 'catch up a missed run only if at most this late', '60')
    .option('--once', 'check once, print what ran and what was missed, and exit')
    .option(
      '--poll-critical',
      'every minute, check the configured clouds for CRITICAL conditions (public buckets, admin ports open to the internet) and alert through the pipeline',
    )
    .action((flags) => daemonAction(ctx(), flags));
}
