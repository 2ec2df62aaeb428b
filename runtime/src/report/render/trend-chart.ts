// The cost trend as an inline SVG bar chart: self-contained, no script, no external assets.

import type { CostSummary } from '@escher/shared';

const W = 560;
const H = 140;
const PAD = 24;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function trendSvg(trend: CostSummary['trend']): string {
  const max = Math.max(1, ...trend.map((p) => p.amount));
  const slot = (W - PAD * 2) / Math.max(1, trend.length);
  const bars = trend.map((p, i) => {
    const h = ((H - PAD * 2) * p.amount) / max;
    const x = PAD + i * slot + 2;
    const y = H - PAD - h;
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="#1976d2"><title>${esc(p.date)}: $${p.amount.toFixed(2)}</title></rect>`;
  });
  const first = trend[0]?.date ?? '';
  const last = trend.at(-1)?.date ?? '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Daily cost trend" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#888"/>`,
    ...bars,
    `<text x="${PAD}" y="${H - 6}" font-size="10">${esc(first)}</text>`,
    `<text x="${W - PAD}" y="${H - 6}" font-size="10" text-anchor="end">${esc(last)}</text>`,
    `<text x="${PAD}" y="14" font-size="10">max $${max.toFixed(2)}</text>`,
    '</svg>',
  ].join('');
}
