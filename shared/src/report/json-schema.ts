// JSON Schema of the canonical report, for the laptop app and other readers outside this codebase.

import { z } from 'zod';
import { ReportSchema } from './report.js';

export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}
