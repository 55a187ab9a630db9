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
    permissions: ['storage', 'activeTab', 'scripting', 'tabs', 'contextMenus', 'declarativeNetRequestWithHostAccess'],
    // The council-document hosts the content script runs on; the PDF viewer may fetch their PDFs.
    host_permissions: ['https://*.stockholm.se/*', 'https://*.stockholm/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // Further sites only when the user grants them on the options page (or clicks the toolbar button: activeTab).
    optional_host_permissions: ['<all_urls>'],
    // Automatic opening redirects PDF requests to the viewer, which must therefore be reachable from web pages.
    web_accessible_resources: [{ resources: ['viewer.html'], matches: ['https://*/*', 'http://*/*'] }],
    action: { default_title: 'Remisskollen' },
    ...(browser === 'firefox'
      ? {
          // Firefox (MV2) names optional host access among optional_permissions.
          optional_permissions: ['<all_urls>'],
          browser_specific_settings: {
            gecko: {
              id: 'remisskollen@stockholm.example',
              strict_min_version: '128.0',
              // Remisskollen collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
