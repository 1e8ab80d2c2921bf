export * from './accounts.js';
export * from './agencies.js';
export * from './audit.js';
export * from './cases.js';
export * from './consent.js';
export * from './forms.js';
export * from './identification.js';
export * from './persons.js';
