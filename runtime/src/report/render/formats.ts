// One table from output format to renderer, for `escher report show --format`.

import type { Report } from '@escher/shared';
import { renderPdf } from './chromium.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { contextPack } from './notification.js';

export const FORMATS = {
  md: async (r: Report) => renderMarkdown(r),
  html: async (r: Report) => renderHtml(r),
  json: async (r: Report) => `${JSON.stringify(r, null, 2)}\n`,
  csv: async (r: Report) => renderCsv(r),
  pdf: async (r: Report) => renderPdf(renderHtml(r)),
  /** The compact context pack the laptop sends with "Ask me anything about this report". */
  context: async (r: Report) => `${JSON.stringify(contextPack(r))}\n`,
} satisfies Record<string, (r: Report) => Promise<string | Buffer>>;

export type ReportFormat = keyof typeof FORMATS;
