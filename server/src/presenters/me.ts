import type { Me } from '@seamless/contracts';
import type { AuthState } from '../auth/sessionStore.js';

export function presentMe(auth: AuthState): Me {
  const { actor } = auth;
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    agency: { id: actor.agencyId, name: actor.agencyName, countryCode: actor.countryCode },
    roles: actor.roleKeys,
    permissions: [...actor.permissions].sort(),
    secondFactor: { enabled: auth.totpEnabled, required: auth.secondFactorRequired },
    pseudonymMode: actor.pseudonymMode,
    tourSeen: auth.tourSeen,
  };
}
