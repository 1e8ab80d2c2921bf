/*
 * Zod compiles faster parsers with `new Function` when an object schema is built, which the CSP
 * (no eval) refuses and reports. Zod reads this global when it starts; ES modules run in import
 * order, so this module must be the first import of the entry — the contracts build their schemas
 * while being imported, before the entry's own body runs.
 */
const zodGlobals = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobals.__zod_globalConfig = Object.assign(zodGlobals.__zod_globalConfig ?? {}, { jitless: true });
