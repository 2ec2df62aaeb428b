export * from './collections.js';
export * from './manifest.js';
export * from './record.js';
export * from './segment-header.js';
