// `escher normalize [FILE|-]…`: cloud events in, one UnifiedEvent JSON per output line.
// Envelopes and batches expand to several lines. Exit 0 when everything normalised; exit 2
// after printing what did normalise, with one stderr line per unusable part.

import type { Command } from 'commander';
import { type EscherError, InputError } from '../../errors.js';
import { normalizeText } from '../../normalize/index.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

export const normalizeCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  program
    .command('normalize')
    .description('turn AWS, Azure and GCP events (or their envelopes and batches) into UnifiedEvent NDJSON')
    .argument('[files...]', 'event files as JSON; - or nothing reads stdin')
    .action(async (files: string[]) => {
      const c = ctx();
      const failures: { file: string; error: EscherError }[] = [];
      for (const file of files.length > 0 ? files : ['-']) {
        let text: string;
        try {
          text = await c.readInput(file);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          const error = new InputError(`cannot read ${file}: ${reason}`, {
            hint: 'check the path',
            cause: err,
          });
          failures.push({ file, error });
          continue;
        }
        const { events, errors } = normalizeText(text);
        if (events.length > 0) c.out(`${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
        for (const error of errors) failures.push({ file, error });
      }
      for (const { file, error } of failures) {
        const where =
          typeof error.details.at === 'string' && error.details.at ? ` at ${error.details.at}` : '';
        c.err(`escher: normalize: ${file === '-' ? 'stdin' : file}${where}: ${error.toUserMessage()}\n`);
      }
      if (failures.length > 0) process.exitCode = 2;
    });
};
