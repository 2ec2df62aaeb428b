// What every CLI command receives: the validated environment, the redactor that all
// output passes through, a logger, and writers for stdout/stderr. Built once in main.ts.

import { loadRuntimeEnv, type RuntimeEnv } from '../config/env.js';
import { createLogger, type Logger } from '../log.js';
import { Redactor } from '../secrets/redactor.js';

export interface CliContext {
  env: RuntimeEnv;
  redactor: Redactor;
  log: Logger;
  /** Writes to stdout (redacted). */
  out(text: string): void;
  /** Writes to stderr (redacted). */
  err(text: string): void;
  /** Reads a whole input: a file path, or '-' / undefined for stdin. */
  readInput(path: string | undefined): Promise<string>;
}

export function createCliContext(source: Record<string, string | undefined> = process.env): CliContext {
  const env = loadRuntimeEnv(source);
  const redactor = new Redactor();
  return {
    env,
    redactor,
    log: createLogger({ level: env.ESCHER_LOG_LEVEL, redactor }),
    out: (text) => process.stdout.write(redactor.redact(text)),
    err: (text) => process.stderr.write(redactor.redact(text)),
    readInput: async (path) => {
      if (path === undefined || path === '-') {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      }
      const { readFile } = await import('node:fs/promises');
      return readFile(path, 'utf8');
    },
  };
}
