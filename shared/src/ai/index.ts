export * from './analysis-request.js';
export * from './analysis-response.js';
export * from './json-schemas.js';
