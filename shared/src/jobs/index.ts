export * from './action-support.js';
export * from './job-spec.js';
export * from './job-template.js';
export * from './snooze.js';
export * from './tag-expression.js';
export * from './tag-schedule.js';
