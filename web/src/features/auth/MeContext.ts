import type { Me } from '@seamless/contracts';
import { createContext, use } from 'react';

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only valid below the signed-in layout, which provides it. */
export function useMe(): Me {
  const me = use(MeContext);
  if (!me) throw new Error('useMe() is only available inside the signed-in layout');
  return me;
}
