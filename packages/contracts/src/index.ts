export * from './admin.js';
export * from './auth.js';
export * from './cases.js';
export * from './htcds.js';
export * from './locales.js';
export * from './pagination.js';
export * from './permissions.js';
export * from './problem.js';
