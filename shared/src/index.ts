export * from './catalog/catalog.js';
export * from './deploy/extension-config.js';
export * from './deploy/trigger.js';
export * from './jobs/job-spec.js';
export * from './records/estate.js';
export * from './records/operation.js';
export * from './events/index.js';
