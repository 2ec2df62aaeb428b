// `escher run --event FILE|- [--store URL] [--dry-run] [--json]`: one cloud event through
// the remediation pipeline, on this machine. Exit 0 done, 1 retry later, 2 bad input.

import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

interface RunFlags {
  event: string;
  store?: string;
  dryRun?: boolean;
  json?: boolean;
}

export const runCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  program
    .command('run')
    .description('process one cloud event: analyse, remediate what is pre-approved, verify, notify, record')
    .requiredOption('--event <file>', 'the event as JSON: a file, or - for stdin')
    .option('--store <url>', 'state store URL (default: ESCHER_STORE or the local store)')
    .option('--dry-run', 'change nothing; say what would be done')
    .option('--json', 'print the alert record(s) as JSON')
    .action(async (flags: RunFlags) => {
      const c = ctx();
      const text = await c.readInput(flags.event);
      if (text.trim() === '')
        throw new InputError('the event is empty', {
          hint: 'pass a JSON event file or pipe one to --event -',
        });
      // Loaded here, not at the top: other commands must not pay for the pipeline's imports.
      const [
        { exitCodeOf },
        { loadDeploymentConfig },
        { buildRunnerDeps },
        { formatResult },
        { handleTrigger },
      ] = await Promise.all([
        import('../../pipeline/result.js'),
        import('../../runner/config.js'),
        import('../../runner/deps.js'),
        import('../../runner/format.js'),
        import('../../runner/handle-trigger.js'),
      ]);
      const config = await loadDeploymentConfig(c.env);
      const deps = await buildRunnerDeps({
        env: c.env,
        config,
        log: c.log,
        redactor: c.redactor,
        storeUrl: flags.store,
      });
      // The raw text goes in whole: the pipeline names a non-JSON input and dead-letters it.
      const result = await handleTrigger({ kind: 'event', event: text }, deps, {
        dryRun: Boolean(flags.dryRun),
      });
      if (flags.json) {
        const alerts = result.items.flatMap((i) => (i.status === 'done' && i.alert ? [i.alert] : []));
        c.out(`${JSON.stringify(alerts.length === 1 ? alerts[0] : alerts, null, 2)}\n`);
      } else {
        c.out(formatResult(result));
      }
      for (const item of result.items) {
        if (item.status !== 'done') c.err(`escher: ${item.id}: ${item.error.toUserMessage()}\n`);
      }
      process.exitCode = exitCodeOf(result);
    });
};
