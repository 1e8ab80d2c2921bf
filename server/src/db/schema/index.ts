export * from './accounts.js';
export * from './agencies.js';
export * from './audit.js';
export * from './cases.js';
