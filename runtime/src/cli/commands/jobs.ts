// `escher jobs add|list|show|run|remove|next|snooze`: scheduled operations from a terminal.
// Flags only here; the work happens in jobs/cli-actions.ts.

import type { Command } from 'commander';
import {
  addAction,
  listAction,
  nextAction,
  removeAction,
  runAction,
  showAction,
  snoozeAction,
} from '../../jobs/cli-actions.js';
import type { CliContext } from '../context.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function jobsCommand(program: Command, ctx: () => CliContext): void {
  const jobs = program
    .command('jobs')
    .description('scheduled operations: nightly stop, morning start, templates');
  const sub = (name: string, description: string) =>
    jobs
      .command(name)
      .description(description)
      .option('--store <url>', 'state store URL (default: ESCHER_STORE)');

  sub('add', 'add a job (or an Extend Me template) from a JSON/YAML file')
    .argument('<file>', 'JobSpec or template file, - for stdin')
    .action((file, flags) => addAction(ctx(), file, flags));
  sub('list', 'jobs and templates with their next run')
    .option('--json', 'print JSON')
    .action((flags) => listAction(ctx(), flags));
  sub('show', 'one job and its next five runs')
    .argument('<name>')
    .action((name, flags) => showAction(ctx(), name, flags));
  sub('remove', 'remove a stored job')
    .argument('<name>')
    .action((name, flags) => removeAction(ctx(), name, flags));
  sub('next', 'upcoming runs (in your time zone; UTC with --json)')
    .argument('[name]')
    .option('--spec <file>', 'a JobSpec file instead of stored jobs')
    .option('--from <iso>', 'start instant (default: now)')
    .option('--count <n>', 'runs per job', '5')
    .option('--tz <zone>', 'time zone for display (default: this machine)')
    .option('--json', 'print JSON (for --spec: an array of UTC ISO-8601 instants)')
    .action((name, flags) => nextAction(ctx(), name, flags));
  sub('run', 'run a job, or a template with --param k=v, now')
    .argument('<name>', 'job or template name')
    .option('--param <k=v>', 'template parameter; repeatable', collect, [])
    .option('--dry-run', 'plan and record, change nothing')
    .option('--at <iso>', 'the scheduled instant this run stands for (default: now)')
    .option('--json', 'print the full result')
    .action((name, flags) => runAction(ctx(), name, flags));
  sub('snooze', 'skip or delay the next (or a given) run of a job')
    .argument('<name>')
    .option('--skip', 'skip the run')
    .option('--delay <duration>', 'run later, e.g. 2h or 30m')
    .option('--at <iso>', 'which scheduled run (default: the next one)')
    .option('--by <who>', 'who asked (default: $USER)')
    .action((name, flags) => snoozeAction(ctx(), name, flags));
}
