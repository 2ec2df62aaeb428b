export * from './errors.js';
export { type NormaliseOptions, type NormaliseResult, normalize, normalizeText } from './normalize.js';
export type { Envelope, EventSource } from './source.js';
export { envelopes, sources } from './sources.js';
