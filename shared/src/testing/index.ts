// `@escher/shared/testing`: test support the stacks' suites share; never imported by
// deployed code.

export * from './config-problems.js';
export * from './pulumi-mocks.js';
export * from './script-runs.js';
export * from './stack-scripts.js';
