// Cockpit as Duban changes it; everything else keeps Camunda's defaults.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Duban's plugins (ES modules, paths relative to app/cockpit/)
  customScripts: ['scripts/duban-audit']
};
