// Cockpit as Duban changes it; everything else keeps Camunda's defaults.
export default {
  // the name on the login page, in the header and the browser's title (Camunda's default: English)
  app: {
    name: '流程监控',
    vendor: '督办'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Duban's plugins (ES modules, paths relative to app/cockpit/)
  customScripts: ['scripts/duban-audit', 'scripts/duban-oversight']
};
