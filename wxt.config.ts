import { defineConfig } from 'wxt';

// Least privilege: no host permissions and no content scripts declared here; page access
// comes from `activeTab` on the user's click (see entrypoints/background.ts).
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: ['storage', 'unlimitedStorage', 'sidePanel', 'alarms'],
    action: { default_title: 'Сводка' },
  },
});
