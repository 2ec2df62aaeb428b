// The HTML report in headless Chromium: it renders without console errors, every section
// is in the rendered page and in a screenshot-able layout, and the PDF has the same sections.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf, runChromium } from '../../src/report/render/chromium.js';
import { renderHtml } from '../../src/report/render/html.js';
import { SECTION_TITLES } from '../../src/report/render/sections.js';
import { sampleReport } from './support/sample-report.js';

const TITLES = [...Object.values(SECTION_TITLES), 'Ask me anything about this report'];

describe('the HTML report in headless Chromium', () => {
  const html = renderHtml(sampleReport());

  it('renders every section, takes a screenshot and logs no console errors', async () => {
    const run = await runChromium(
      html,
      (dir) => [
        '--enable-logging=stderr',
        '--v=0',
        `--screenshot=${join(dir, 'shot.png')}`,
        '--window-size=1000,2000',
      ],
      ['shot.png'],
    );
    const png = run.files['shot.png'] as Buffer;
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    expect(run.stderr).not.toMatch(/CONSOLE|Uncaught|ERR_FILE_NOT_FOUND|net::ERR/);
    writeFileSync(join(mkdtempSync(join(tmpdir(), 'report-shot-')), 'report.png'), png);

    const dom = (await runChromium(html, () => ['--dump-dom'], [])).stdout;
    for (const id of ['alerts', 'cost', 'changes', 'security', 'optimisation', 'health', 'ask']) {
      expect(dom).toContain(`<section id="${id}">`);
    }
    expect(dom).toContain('aria-label="Daily cost trend"');
    expect(dom).toContain('Unavailable — azure.cost: azure is not configured');
  });

  it('is self-contained: no scripts and no external references', () => {
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    expect(html).toContain('idle &lt;dev&gt;');
    expect(html).toContain('#d32f2f');
  });

  it('prints to a PDF with the same sections', async () => {
    const pdf = await renderPdf(html);
    expect(pdf.subarray(0, 5).toString('ascii')).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
    writeFileSync(join(dir, 'r.pdf'), pdf);
    execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), join(dir, 'r.txt')]);
    const text = readFileSync(join(dir, 'r.txt'), 'utf8');
    for (const title of TITLES) expect(text).toContain(title);
    expect(text).toContain('+$200.50 (+25.1 %) vs previous day');
  });
});
