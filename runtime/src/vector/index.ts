export * from './engines.js';
export * from './filter.js';
export * from './memory-engine.js';
export * from './qdrant-engine.js';
export * from './vector-store.js';
