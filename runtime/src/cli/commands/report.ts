// `escher report generate [--date D] [--dry-run]`, `escher report show [--date D]
// [--format md|html|json|csv|pdf]`, `escher report diff D1 D2`: the morning report on
// this machine, against the state store ESCHER_STORE (or --store) names.

import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | undefined, what: string): string | undefined {
  if (value !== undefined && !DAY.test(value)) {
    throw new InputError(`${what} "${value}" is not a date`, { hint: 'use YYYY-MM-DD' });
  }
  return value;
}

async function open(c: CliContext, store: string | undefined) {
  // Loaded on use: other commands must not pay for the report's imports.
  const [{ loadDeploymentConfig }, { buildRunnerDeps }] = await Promise.all([
    import('../../runner/config.js'),
    import('../../runner/deps.js'),
  ]);
  const config = await loadDeploymentConfig(c.env);
  const deps = await buildRunnerDeps({
    env: c.env,
    config,
    log: c.log,
    redactor: c.redactor,
    storeUrl: store,
  });
  return { deps, config };
}

async function stored(c: CliContext, store: string | undefined, date: string) {
  const { readReport } = await import('../../report/report-store.js');
  const report = await readReport((await open(c, store)).deps.state, date);
  if (!report)
    throw new InputError(`no report stored for ${date}`, { hint: 'run `escher report generate` first' });
  return report;
}

export const reportCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  const report = program
    .command('report')
    .description('the morning report: cost, security, optimisation, health');
  report
    .command('generate')
    .description('collect, analyse and store the report for a day (default today)')
    .option('--date <day>', 'the report day, YYYY-MM-DD')
    .option('--dry-run', 'print the report without storing or sending it')
    .option('--store <url>', 'state store URL')
    .action(async (flags: { date?: string; dryRun?: boolean; store?: string }) => {
      const c = ctx();
      const date = day(flags.date, '--date');
      const { deps, config } = await open(c, flags.store);
      const [{ generateReport }, { reportSetup }, { renderMarkdown }] = await Promise.all([
        import('../../report/generate.js'),
        import('../../report/report-setup.js'),
        import('../../report/render/markdown.js'),
      ]);
      const { scopes, context } = reportSetup(c.env, config);
      const tty = process.stderr.isTTY;
      const result = await generateReport(
        {
          state: deps.state,
          notifier: deps.notifier,
          ai: deps.ai,
          log: c.log,
          clock: deps.clock,
          scopes,
          context,
          onProgress: (done, total, s) => {
            if (tty)
              c.err(
                `\r[${done}/${total}] ${s.collector} ${s.account} ${s.status}\x1b[K${done === total ? '\n' : ''}`,
              );
          },
        },
        { ...(date ? { date } : {}), dryRun: Boolean(flags.dryRun) },
      );
      c.out(renderMarkdown(result.report));
      if (!flags.dryRun)
        c.err(
          result.stored
            ? `stored ${result.report.id}\n`
            : `${result.report.id} was stored already; shown unchanged\n`,
        );
    });
  report
    .command('show')
    .description('print a stored report')
    .option('--date <day>', 'the report day, YYYY-MM-DD (default today)')
    .option('--format <format>', 'md, html, json, csv, pdf, or context (the Ask-me-anything pack)', 'md')
    .option('--store <url>', 'state store URL')
    .action(async (flags: { date?: string; format: string; store?: string }) => {
      const c = ctx();
      const { FORMATS } = await import('../../report/render/formats.js');
      const render = FORMATS[flags.format as keyof typeof FORMATS];
      if (!render)
        throw new InputError(`unknown format "${flags.format}"`, {
          hint: `use one of ${Object.keys(FORMATS).join(', ')}`,
        });
      const r = await stored(
        c,
        flags.store,
        day(flags.date, '--date') ?? new Date().toISOString().slice(0, 10),
      );
      const output = await render(r);
      // PDF bytes bypass the (text) redactor: the PDF is rendered from already-redacted report text.
      if (Buffer.isBuffer(output)) process.stdout.write(output);
      else c.out(output);
    });
  report
    .command('diff <from> <to>')
    .description('compare two stored reports')
    .option('--store <url>', 'state store URL')
    .action(async (from: string, to: string, flags: { store?: string }) => {
      const c = ctx();
      const { diffReports, renderDiff } = await import('../../report/analyse/report-diff.js');
      const a = await stored(c, flags.store, day(from, 'from') as string);
      const b = await stored(c, flags.store, day(to, 'to') as string);
      c.out(renderDiff(diffReports(a, b)));
    });
};
