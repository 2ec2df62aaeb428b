// `escher state …`: inspect and change the vector snapshot from a terminal or a script.
// Flags only here; the work happens in cli/state/.

import { type Command, Option } from 'commander';
import type { CliContext } from '../context.js';
import { exportAction, getAction, queryAction, statsAction, verifyAction } from '../state/read-actions.js';
import {
  appendAction,
  compactAction,
  deleteAction,
  expireAction,
  gcAction,
  importAction,
  initAction,
} from '../state/write-actions.js';

const collect = (value: string, previous: string[]) => [...previous, value];

function withStore(command: Command): Command {
  return command
    .option('--store <url>', 'state store URL (default: ESCHER_STORE, else $ESCHER_HOME/state)')
    .option(
      '--secrets <url>',
      'secret store holding the snapshot key (default: ESCHER_SECRETS, else $ESCHER_HOME/secrets)',
    );
}

const collectionOption = () => new Option('--collection <name>', 'collection name').makeOptionMandatory();

export function registerState(program: Command, ctx: () => CliContext): void {
  const state = program.command('state').description('the vector snapshot in object storage');
  const sub = (name: string, description: string) => withStore(state.command(name).description(description));

  sub('init', 'create the snapshot and its key where absent')
    .option(
      '--vector-encoding <f32|f16|i8>',
      'vector encoding of new segments (see FORMAT.md for accuracy)',
      'f16',
    )
    .action((flags) => initAction(ctx(), flags));
  sub('append', 'append NDJSON records in one commit')
    .argument('[file]', 'NDJSON file, or - for stdin')
    .addOption(collectionOption())
    .action((file, flags) => appendAction(ctx(), file, flags));
  sub('import', 'append a large NDJSON file in batches')
    .argument('[file]', 'NDJSON file, or - for stdin')
    .addOption(collectionOption())
    .option('--batch <n>', 'records per commit', '10000')
    .action((file, flags) => importAction(ctx(), file, flags));
  sub('export', 'print every live record as NDJSON')
    .addOption(collectionOption())
    .option('--engine <name>', 'vector engine to load into and export from: memory or qdrant', 'memory')
    .action((flags) => exportAction(ctx(), flags));
  sub('get', 'print records by id as NDJSON')
    .argument('<ids...>')
    .addOption(collectionOption())
    .action((ids, flags) => getAction(ctx(), ids, flags));
  sub('delete', 'delete records (mutable collections only)')
    .argument('<ids...>')
    .addOption(collectionOption())
    .action((ids, flags) => deleteAction(ctx(), ids, flags));
  sub('query', 'filter and/or rank records by similarity')
    .addOption(collectionOption())
    .option('--filter <key=value,...>', 'payload filter, AND of terms; repeatable', collect, [])
    .option('--near <text>', 'rank by similarity to this text (embedded with the collection model)')
    .option('--vector <json>', 'rank by similarity to this vector')
    .option('--limit <k>', 'number of hits', '10')
    .option('--engine <name>', 'vector engine: memory or qdrant', 'memory')
    .option('--json', 'print JSON')
    .action((flags) => queryAction(ctx(), flags));
  sub('stats', 'record counts per collection')
    .option('--json', 'print JSON')
    .action((flags) => statsAction(ctx(), flags));
  sub('compact', 'merge segments, dropping superseded and deleted records')
    .option('--collection <name>', 'only this collection')
    .action((flags) => compactAction(ctx(), flags));
  sub('verify', 'check every segment, digest, encrypted field and audit chain')
    .option('--json', 'print JSON')
    .action((flags) => verifyAction(ctx(), flags));
  sub('expire', 'remove append-only records past retention (deployment config `retention`)')
    .option('--collection <name>', 'only this append-only collection')
    .option(
      '--older-than-days <n>',
      'cutoff in days, instead of the configured retention (needs --collection)',
    )
    .option('--dry-run', 'print what would expire; change nothing')
    .action((flags) => expireAction(ctx(), flags));
  sub('gc', 'delete uncommitted and replaced segments older than the grace period')
    .option('--grace-minutes <n>', 'grace period (at least 10)', '60')
    .action((flags) => gcAction(ctx(), flags));
}
