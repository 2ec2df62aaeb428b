// `escher approvals list|approve|reject`: decide the actions the runner was not
// pre-approved to take. An approved action is carried out by the next run.

import { type ApprovalRequest, ApprovalRequestSchema } from '@escher/shared';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { RunnerState } from '../../pipeline/state.js';
import { openRunnerState } from '../../runner/open-state.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

async function openState(c: CliContext, store: string | undefined): Promise<RunnerState> {
  return (await openRunnerState({ env: c.env, redactor: c.redactor, storeUrl: store })).state;
}

async function decide(
  c: CliContext,
  id: string,
  status: 'approved' | 'rejected',
  flags: { store?: string; by?: string; note?: string },
) {
  const state = await openState(c, flags.store);
  const key = `approval:${id}`;
  const current = await state.getRecord('alerts_events', key);
  if (!current)
    throw new InputError(`no approval request ${id}`, { hint: 'list them with: escher approvals list' });
  const request = ApprovalRequestSchema.parse(current);
  if (request.status !== 'pending') {
    throw new InputError(`approval request ${id} is ${request.status} already`, {
      hint: 'only pending requests can be decided',
    });
  }
  const decided: ApprovalRequest = {
    ...request,
    status,
    decided_at: new Date().toISOString(),
    decided_by: flags.by ?? c.env.raw.USER ?? 'user',
    ...(flags.note ? { note: flags.note } : {}),
  };
  await state.updateRecord('alerts_events', key, () => decided);
  c.out(`${status} ${id}${status === 'approved' ? ' — the next run carries it out' : ''}\n`);
}

export const approvalsCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  const approvals = program
    .command('approvals')
    .description('list and decide actions waiting for your approval');
  approvals
    .command('list')
    .option('--store <url>', 'state store URL')
    .option('--all', 'include decided requests')
    .option('--json', 'print JSON')
    .action(async (flags: { store?: string; all?: boolean; json?: boolean }) => {
      const c = ctx();
      const state = await openState(c, flags.store);
      const all = (await state.listRecords('alerts_events', 'approval:')).map((r) =>
        ApprovalRequestSchema.parse(r),
      );
      const shown = all
        .filter((a) => flags.all || a.status === 'pending')
        .sort((a, b) => a.requested_at.localeCompare(b.requested_at));
      if (flags.json) return c.out(`${JSON.stringify(shown, null, 2)}\n`);
      if (shown.length === 0) return c.out('no approval requests waiting\n');
      for (const a of shown)
        c.out(
          `${a.id}\n  ${a.status}: ${a.action} on ${a.target.resource_id} (${a.target.account}) — ${a.reason}\n`,
        );
    });
  for (const status of ['approved', 'rejected'] as const) {
    approvals
      .command(status === 'approved' ? 'approve' : 'reject')
      .argument('<id>', 'the approval request id (from approvals list)')
      .option('--store <url>', 'state store URL')
      .option('--by <name>', 'who decides (default: $USER)')
      .option('--note <text>', 'why')
      .action(async (id: string, flags: { store?: string; by?: string; note?: string }) =>
        decide(ctx(), id, status, flags),
      );
  }
};
