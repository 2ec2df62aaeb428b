// Structured JSON logging to stderr. Every line passes through the Redactor, so a loaded
// secret cannot reach a log even when it hides inside an error message.

import type { Redactor } from './secrets/redactor.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  redactor: Redactor;
  /** Where finished lines go; stderr by default. Tests pass a collector. */
  sink?: (line: string) => void;
  clock?: () => Date;
  base?: Record<string, unknown>;
}

function errorFields(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, cause: errorFields(value.cause) };
}

export function createLogger(options: LoggerOptions): Logger {
  const min = ORDER[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const base = options.base ?? {};
  const emit = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < min) return;
    const record: Record<string, unknown> = { time: clock().toISOString(), level, msg, ...base };
    for (const [key, value] of Object.entries(fields)) record[key] = errorFields(value);
    sink(options.redactor.redact(JSON.stringify(record)));
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
  };
}
