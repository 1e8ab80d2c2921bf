import './csp/zodJitless';
// Mantine's global rules; each component's own stylesheet comes with it (vite.config.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import './styles/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUnauthenticatedHandler } from './api/client';
import { createQueryClient } from './api/queryClient';
import { ConnectionBanner } from './components/ConnectionBanner';
import { meQueryKey } from './features/auth/meQuery';
import { initI18n } from './i18n/i18n';
import { createAppRouter } from './routes/router';
import { loadCjkFontsFor } from './styles/fonts';
import { cssVariablesResolver, theme } from './styles/theme';

/**
 * The page's CSP nonce (index.html's csp-nonce meta, filled in by the server): Mantine and the
 * scroll lock of its modals write style elements, which the policy admits only with it.
 */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
// The scroll lock (react-remove-scroll, through get-nonce) reads the nonce from this global.
Object.assign(globalThis, { __webpack_nonce__: styleNonce });

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

setUnauthenticatedHandler(() => {
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, null);
  const { pathname, href } = router.state.location;
  if (pathname !== '/sign-in') void router.navigate({ to: '/sign-in', search: { redirect: href } });
});

async function start(): Promise<void> {
  // The first paint waits for the reader's catalogue so no page ever flashes in the wrong language;
  // meanwhile the router asks who is signed in and fetches the first page's code.
  await Promise.all([initI18n(), router.load()]);
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks the #root element');
  createRoot(container).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        getStyleNonce={() => styleNonce ?? ''}
      >
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
          <ConnectionBanner />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
  void loadCjkFontsFor(i18next.language);
  i18next.on('languageChanged', (language) => void loadCjkFontsFor(language));
}

void start();
