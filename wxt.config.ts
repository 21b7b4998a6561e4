import { defineConfig } from 'wxt';
import { firstPaintHtml } from './vite/first-paint-html.ts';

// Least privilege: no host permissions and no content scripts declared here; page access
// comes from `activeTab` on the user's click (see entrypoints/background.ts).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  vite: () => ({ plugins: [firstPaintHtml(['popup'])] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: [
      'storage',
      'unlimitedStorage',
      'sidePanel',
      'alarms',
      'activeTab',
      'scripting',
      'contextMenus',
    ],
    // Asked for on a click only: deadline notifications, and the saved-pages check (just the
    // origins of the pages being checked).
    optional_permissions: ['notifications'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Сводка' },
    // Firefox needs a stable add-on id for storage and for updates of an unpacked install.
    browser_specific_settings: {
      gecko: {
        id: 'svodka@svodka.local',
        strict_min_version: '115.0',
        // Svodka sends nothing anywhere but the team's own sync server.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
