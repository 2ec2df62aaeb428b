export * from './json-schema.js';
export * from './report.js';
export * from './settings.js';
