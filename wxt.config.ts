import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: lib/ must stay free of WXT globals.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    permissions: ['storage', 'activeTab', 'scripting', 'tabs', 'contextMenus'],
    // Further sites only when the user grants them on the options page (or clicks the toolbar button: activeTab).
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: 'Remisskollen' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'remisskollen@stockholm.example', strict_min_version: '128.0' } } }
      : {}),
  }),
});
