export * from './event-types.js';
export * from './resource-types.js';
export * from './unified-event.js';
