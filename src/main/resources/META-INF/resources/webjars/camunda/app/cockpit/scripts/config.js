// Cockpit as Duban changes it; everything else keeps Camunda's defaults.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
