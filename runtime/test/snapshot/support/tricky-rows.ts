// Ids and payloads that a bracket-counting pass or an offset table could trip over: quotes,
// backslashes and brackets inside strings, nested arrays whose first element looks like a
// row's id, non-ASCII text, empty objects and tombstones.
export const trickyRows = {
  ids: ['plain', 'quote"in', 'back\\slash\\', '["fake",{}]', 'café ☁', 'tomb', 'empty', 'last'],
  payloads: [
    { state: 'running', tags: { env: 'dev' }, list: [['plain', 1], { a: [] }] },
    { name: 'has "quotes" and \\"escaped\\" ones', n: -1.5e-7 },
    { path: 'C:\\\\dir\\\\', brackets: '[[{{}}]]', deep: { x: { y: { z: [1, [2, [3]]] } } } },
    { row: '],["tomb",null],[' },
    { city: 'Zürich', emoji: '☁️ 𝄞', escaped: '\u0000\u001f\u2028' },
    null,
    {},
    { last: true, nothing: null },
  ] as (Record<string, unknown> | null)[],
};
