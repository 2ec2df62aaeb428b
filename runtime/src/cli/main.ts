// The `escher` command line. Parses arguments, runs one command, and turns any error
// into a one-line message and an exit status (2: fix the input; 1: something failed).

import { Command, CommanderError } from 'commander';
import { asEscherError } from '../errors.js';
import { loadCommands } from './commands/index.js';
import { type CliContext, createCliContext } from './context.js';

/** The program with the commands `argv` needs (see loadCommands); parse the same `argv`. */
export async function buildProgram(ctx: () => CliContext, argv: string[] = process.argv): Promise<Command> {
  const program = new Command('escher')
    .description('Escher Extended Runtime: operate your AWS, Azure and GCP estate from your own cloud')
    .showHelpAfterError()
    .exitOverride();
  for (const register of await loadCommands(argv)) register(program, ctx);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  let context: CliContext | undefined;
  const ctx = () => {
    context ??= createCliContext();
    return context;
  };
  try {
    await (await buildProgram(ctx, argv)).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander already printed usage or help; 'helpDisplayed'/'version' are successes.
      return err.exitCode === 0 ? 0 : 2;
    }
    const error = asEscherError(err);
    const message = `escher: ${error.toUserMessage()}\n`;
    process.stderr.write(context ? context.redactor.redact(message) : message);
    if (context && error.cause) context.log.debug('error detail', { error });
    return error.exitCode;
  }
}
