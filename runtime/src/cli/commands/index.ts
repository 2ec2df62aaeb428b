// Every `escher` subcommand, registered in one table. Adding a command is adding a
// module under commands/ and a line here.

import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { approvalsCommand } from './approvals.js';
import { credsCommand } from './creds.js';
import { daemonCommand } from './daemon.js';
import { jobsCommand } from './jobs.js';
import { lambdaCommand } from './lambda.js';
import { normalizeCommand } from './normalize.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { registerState } from './state.js';
import { taskCommand } from './task.js';

export type CommandModule = (program: Command, ctx: () => CliContext) => void;

export const commands: CommandModule[] = [
  registerState,
  runCommand,
  approvalsCommand,
  credsCommand,
  taskCommand,
  serveCommand,
  lambdaCommand,
  normalizeCommand,
  jobsCommand,
  daemonCommand,
  reportCommand,
];
