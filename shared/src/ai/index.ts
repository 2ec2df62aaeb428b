export * from './analysis-request.js';
export * from './analysis-response.js';
export * from './json-schemas.js';
export * from './report-summary.js';
