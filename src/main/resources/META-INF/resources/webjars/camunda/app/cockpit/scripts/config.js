// Cockpit as Duban changes it; everything else keeps Camunda's defaults.
export default {
  // the project's plugins (scripts/<name>.js)
  customScripts: [
    'scripts/duban-oversight'
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
