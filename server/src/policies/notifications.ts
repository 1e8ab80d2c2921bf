import { type Actor, has } from './actor.js';

/** The demo mail catcher shows staff e-mail addresses: system administrators only (they manage every account). */
export const canReadDemoMail = (actor: Actor) => has(actor, 'admin:users:all_agencies');
