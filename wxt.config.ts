import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: lib/ must stay free of WXT globals.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Remisskollen',
    description:
      'Hittar lagrumshänvisningar i nämndhandlingar och kontrollerar att avsnitten finns. Allt beräknas lokalt.',
    default_locale: 'sv',
    permissions: ['storage', 'activeTab', 'scripting', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*.stockholm.se/*', 'https://*.stockholm/*'],
    action: { default_title: 'Remisskollen' },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Remisskollen', open_at_install: false },
          browser_specific_settings: { gecko: { id: 'remisskollen@stockholm.example', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});
