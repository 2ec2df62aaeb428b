// Amounts as alert texts write them: "$1,301.00", "USD 50", "$0.59".

export function money(text: string | undefined): number | undefined {
  if (text === undefined || !/\d/.test(text)) return undefined;
  const value = Number(text.replace(/[^0-9.]/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
