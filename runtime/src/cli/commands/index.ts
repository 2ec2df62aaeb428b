// Every `escher` subcommand, registered in one table. Adding a command is adding a
// module under commands/ and a line here. Each line loads its module only when that
// command runs, so `escher run` never pays for the SDKs behind `escher state` or `report`.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export type CommandModule = (program: Command, ctx: () => CliContext) => void;

export interface CommandEntry {
  /** The subcommand's name as typed: `escher <name> …`. */
  name: string;
  load: () => Promise<CommandModule>;
}

export const commands: CommandEntry[] = [
  { name: 'state', load: () => import('./state.js').then((m) => m.registerState) },
  { name: 'run', load: () => import('./run.js').then((m) => m.runCommand) },
  { name: 'approvals', load: () => import('./approvals.js').then((m) => m.approvalsCommand) },
  { name: 'creds', load: () => import('./creds.js').then((m) => m.credsCommand) },
  { name: 'task', load: () => import('./task.js').then((m) => m.taskCommand) },
  { name: 'serve', load: () => import('./serve.js').then((m) => m.serveCommand) },
  { name: 'lambda', load: () => import('./lambda.js').then((m) => m.lambdaCommand) },
  { name: 'normalize', load: () => import('./normalize.js').then((m) => m.normalizeCommand) },
  { name: 'jobs', load: () => import('./jobs.js').then((m) => m.jobsCommand) },
  { name: 'daemon', load: () => import('./daemon.js').then((m) => m.daemonCommand) },
  { name: 'report', load: () => import('./report.js').then((m) => m.reportCommand) },
];

/**
 * The modules `argv` needs: the named subcommand's alone, or every one (in table order)
 * when there is none, it is unknown, or help is asked for, so that commander can list them
 * all or suggest the nearest name.
 */
export function loadCommands(argv: string[]): Promise<CommandModule[]> {
  const named = commands.filter((c) => c.name === argv[2]);
  return Promise.all((named.length > 0 ? named : commands).map((c) => c.load()));
}
