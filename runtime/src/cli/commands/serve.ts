// `escher serve [--port N]`: HTTP mode for Cloud Run services and Azure pushes (Pub/Sub push,
// Eventarc CloudEvents, Event Grid, Azure Monitor webhooks, Logic Apps). Runs until SIGTERM,
// which Cloud Run sends before stopping an instance.

import type { Command } from 'commander';
import { entryRuntime } from '../../entry/from-cli.js';
import { googleTokenVerifier, sharedSecretChecker } from '../../entry/http/verifiers.js';
import { startHttpServer } from '../../entry/serve.js';
import { InputError } from '../../errors.js';
import type { CliContext } from '../context.js';
import type { CommandModule } from './index.js';

export const serveCommand: CommandModule = (program: Command, ctx: () => CliContext) => {
  program
    .command('serve')
    .description('serve push deliveries over HTTP (Cloud Run, Event Grid, Azure Monitor, Logic Apps)')
    .option('--port <n>', 'port to listen on (default: PORT or 8080)')
    .action(async (flags: { port?: string }) => {
      const c = ctx();
      const port = flags.port === undefined ? c.env.PORT : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new InputError(`--port ${flags.port} is not a port number`, { hint: 'pass 0-65535' });
      }
      const { deps, secrets } = await entryRuntime(c);
      const verifiers = {
        verifyGoogleToken: googleTokenVerifier({
          audience: c.env.ESCHER_PUSH_AUDIENCE,
          serviceAccount: c.env.ESCHER_PUSH_SERVICE_ACCOUNT,
          certsUrl: c.env.ESCHER_OIDC_CERTS_URL,
        }),
        checkSharedSecret: sharedSecretChecker(secrets),
      };
      const { server, url } = await startHttpServer(deps, verifiers, {
        port,
        redact: (t) => c.redactor.redact(t),
      });
      c.log.info('serving', { url });
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', () => server.close(() => resolve()));
        process.once('SIGINT', () => server.close(() => resolve()));
      });
    });
};
