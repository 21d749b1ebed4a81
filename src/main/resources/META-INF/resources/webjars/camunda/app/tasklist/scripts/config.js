// Tasklist as Duban changes it; everything else keeps Camunda's defaults.
export default {
  // the name on the login page, in the header and the browser's title (Camunda's default: English)
  app: {
    name: '任务列表',
    vendor: '督办'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the code the embedded forms share (forms/*.html call window.duban)
  customScripts: ['scripts/duban-forms'],
  // Tasklist binds only the shortcuts listed here (its code has no defaults): Camunda's keys, with
  // descriptions in Chinese for the 键盘快捷键 dialog
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '定位到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '定位到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '定位到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
