// Duban 督办: the supervisors' views in Cockpit, as a frontend plugin of Cockpit 7.24 (plain DOM).
// 督办看板 on the dashboard; 逾期台账 and 通报登记簿 as routes with an entry in the top menu.
// Data from /api/oversight/*, read with the Cockpit session; every date arrives already in the
// plans' zone (Asia/Shanghai), formatted by the server.

const API = '/api/oversight';

const STYLE = `
.duban-oversight { margin: 0 0 20px; }
.duban-oversight.duban-page { padding: 12px 20px; }
.duban-oversight h3 { margin-top: 0; }
.duban-oversight .duban-controls { margin: 8px 0 12px; display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
.duban-oversight .duban-controls label { font-weight: normal; margin: 0; }
.duban-oversight .duban-controls select { margin-left: 4px; }
.duban-oversight table { border-collapse: collapse; background: #fff; }
.duban-oversight th, .duban-oversight td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: middle; }
.duban-oversight th { background: #f5f5f5; }
.duban-oversight th.duban-sortable { cursor: pointer; white-space: nowrap; }
.duban-oversight .duban-grid td.duban-cell { text-align: center; white-space: nowrap; }
.duban-oversight .duban-light { display: inline-block; width: 16px; height: 16px; border-radius: 50%; vertical-align: middle; border: 2px solid transparent; }
.duban-oversight .duban-light-green { background: #2e9e44; }
.duban-oversight .duban-light-green-outline { background: #fff; border-color: #2e9e44; }
.duban-oversight .duban-light-blue { background: #2f7ed8; }
.duban-oversight .duban-light-yellow { background: #f0b400; }
.duban-oversight .duban-light-red { background: #d9342b; }
.duban-oversight .duban-light-grey { background: #c8c8c8; }
.duban-oversight .duban-badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; white-space: nowrap; }
.duban-oversight .duban-badge-green { background: #2e9e44; }
.duban-oversight .duban-badge-blue { background: #2f7ed8; }
.duban-oversight .duban-badge-yellow { background: #c99700; }
.duban-oversight .duban-badge-red { background: #d9342b; }
.duban-oversight .duban-legend span { margin-right: 14px; white-space: nowrap; }
.duban-oversight .duban-error { color: #a94442; }
.duban-oversight .duban-small { font-size: 90%; color: #666; }
.duban-oversight .duban-scroll { overflow-x: auto; margin-bottom: 12px; }
`;

function ensureStyle() {
  if (!document.getElementById('duban-oversight-style')) {
    const style = document.createElement('style');
    style.id = 'duban-oversight-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

/** el('a', {href: '#', class: 'x'}, 'text', child) */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) {
      continue;
    }
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child))
      : child);
  }
  return node;
}

// a page's rows as its filter asks; the unit choices come from the unfiltered answer
async function loadRows(body, path, filter, setUnits, show) {
  try {
    const rows = await getJson(path + query(filter));
    if (!filter.unit) {
      const seen = new Map();
      rows.forEach(r => seen.set(r.unit, r.unitName));
      setUnits([...seen.entries()]);
    }
    show(rows);
  } catch (error) {
    showError(body, error);
  }
}

async function getJson(path) {
  const response = await fetch(API + path, {
    credentials: 'same-origin',
    headers: {Accept: 'application/json'}
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    throw new Error((body && body.message) || '请求失败(HTTP ' + response.status + ')');
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

function roundHref(roundId) {
  return '#/process-instance/' + encodeURIComponent(roundId) + '/runtime';
}

function taskHref(engine, taskId) {
  return appRoot() + '/app/tasklist/' + encodeURIComponent(engine || 'default')
    + '/#/?task=' + encodeURIComponent(taskId);
}

function showError(node, error) {
  node.replaceChildren(el('p', {class: 'duban-error'}, error.message || String(error)));
}

function select(name, label, options, value, onChange) {
  const box = el('select', {name, class: 'form-control input-sm', onchange: onChange});
  for (const option of options) {
    box.appendChild(el('option', {value: option.value, selected: String(option.value) === String(value)},
      option.label));
  }
  return el('label', {}, label, box);
}

function exportLinks(resource, params) {
  return el('span', {class: 'duban-exports'},
    el('a', {class: 'btn btn-default btn-sm', href: API + resource + query({...params, format: 'xlsx'}),
      'data-format': 'xlsx'}, '导出 Excel'),
    ' ',
    el('a', {class: 'btn btn-default btn-sm', href: API + resource + query({...params, format: 'csv'}),
      'data-format': 'csv'}, '导出 CSV'));
}

// ------------------------------------------------------------------ 指标达标 (below the board)

const VERDICT_BADGE = {MET: 'green', MISSED: 'red', NO_TARGET: 'blue'};

// each target of the year's rounds: the lead's value, the target and the server's verdict
async function targetSection(plan, year) {
  const box = el('div', {class: 'duban-targets'}, el('h4', {}, '指标达标情况'));
  try {
    const rows = await getJson('/targets' + query({plan, year}));
    if (rows.length === 0) {
      box.appendChild(el('p', {class: 'duban-small'}, '本年度没有对应任务的规划指标。'));
      return box;
    }
    const plain = v => (v === null || v === undefined ? '—' : String(v));
    box.appendChild(el('table', {class: 'duban-target-rows'},
      el('thead', {}, el('tr', {}, ['任务', '指标', '牵头单位', '报送值', '目标值', '差距', '结论'].map(h => el('th', {}, h)))),
      el('tbody', {}, rows.map(row => {
        const r = row.result;
        return el('tr', {'data-task': row.taskNumber, 'data-verdict': r.verdict},
          el('td', {class: 'duban-small'}, row.roundId
            ? el('a', {href: roundHref(row.roundId), title: '在 Cockpit 中打开本轮'}, row.taskNumber + ' ' + row.taskTitle)
            : row.taskNumber + ' ' + row.taskTitle + '(未启动)'),
          el('td', {}, r.indicator),
          el('td', {}, plain(row.leadUnitName)),
          el('td', {}, r.reported === null ? '未报送' : r.reported + ' ' + (r.unit || '')),
          el('td', {}, r.targetYear + ' 年' + r.direction + ' ' + r.targetValue + ' ' + (r.unit || '')),
          el('td', {}, plain(r.gap)),
          el('td', {}, el('span', {class: 'duban-badge duban-badge-' + VERDICT_BADGE[r.verdict]}, r.verdictLabel)));
      }))));
  } catch (error) {
    box.appendChild(el('p', {class: 'duban-error'}, error.message || String(error)));
  }
  return box;
}

// ------------------------------------------------------------------ 延期申请 (GET /api/extensions)

/** The plan's extension requests of the year, those waiting for the office first. */
async function extensionRequests(plan, year) {
  const section = el('div', {class: 'duban-extensions'}, el('h4', {}, '延期申请'));
  let rows;
  try {
    const response = await fetch('/api/extensions' + query({plan, year}),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    rows = response.ok ? await response.json() : null;
  } catch (e) {
    rows = null;
  }
  if (!rows) {
    section.appendChild(el('p', {class: 'duban-error'}, '延期申请暂时无法读取。'));
    return section;
  }
  const pending = rows.filter(r => r.status === 'PENDING');
  section.appendChild(el('p', {class: 'duban-small duban-extension-totals'},
    '本年度延期申请 ' + rows.length + ' 项,其中待审批 ' + pending.length + ' 项(在 Tasklist「审批延期申请」中办理)。'));
  if (rows.length) {
    const ordered = pending.concat(rows.filter(r => r.status !== 'PENDING'));
    section.appendChild(el('table', {class: 'duban-units duban-extension-list'},
      el('thead', {}, el('tr', {}, ['单位', '轮次', '申请时间 / 申请人', '原截止日期', '拟延至', '理由', '审批结果', '审批人'].map(h => el('th', {}, h)))),
      el('tbody', {}, ordered.map(r => el('tr', {'data-status': r.status},
        el('td', {}, r.unitName), el('td', {}, r.roundTitle || r.roundKey),
        el('td', {}, r.requestedAt + ' ' + (r.requestedByName || r.requestedBy || '')),
        el('td', {}, r.currentDue), el('td', {}, r.proposedDue), el('td', {}, r.reason),
        el('td', {}, r.statusLabel + (r.outcomeNote ? ':' + r.outcomeNote : '')),
        el('td', {}, r.decidedByName || ''))))));
  }
  return section;
}

// ------------------------------------------------------------------ 督办看板

const LEGEND = [
  ['green', '按时报送'],
  ['green-outline', '逾期后已报送'],
  ['blue', '即将到期'],
  ['yellow', '已逾期'],
  ['red', '已通报批评'],
  ['grey', '未到期 / 尚未开始']
];

function renderBoard(node, api) {
  ensureStyle();
  const root = el('div', {class: 'duban-oversight duban-board'});
  node.appendChild(root);
  const state = {plans: [], plan: null, year: null};
  root.appendChild(el('h3', {}, '督办看板'));
  const controls = el('div', {class: 'duban-controls'});
  const body = el('div', {}, el('p', {}, '正在加载……'));
  root.append(controls, body);

  function drawControls() {
    const plan = state.plans.find(p => p.id === state.plan);
    controls.replaceChildren(
      select('plan', '规划', state.plans.map(p => ({value: p.id, label: p.title})), state.plan, e => {
        state.plan = e.target.value;
        state.year = state.plans.find(p => p.id === state.plan).year;
        drawControls();
        load();
      }),
      select('year', '年度', plan.years.map(y => ({value: y, label: y + ' 年'})), state.year, e => {
        state.year = e.target.value;
        load();
      }),
      el('span', {class: 'duban-legend'}, LEGEND.map(([colour, label]) =>
        el('span', {}, el('span', {class: 'duban-light duban-light-' + colour}), ' ', label))));
  }

  async function load() {
    body.replaceChildren(el('p', {}, '正在加载……'));
    try {
      const board = await getJson('/board' + query({plan: state.plan, year: state.year}));
      drawBoard(board);
      body.appendChild(await targetSection(state.plan, state.year));
      body.appendChild(await extensionRequests(state.plan, state.year));
    } catch (error) {
      showError(body, error);
    }
  }

  function drawBoard(board) {
    const units = board.units;
    const head = el('tr', {}, el('th', {}, '任务'), units.map(u => el('th', {'data-unit': u.unit}, u.unitName)));
    const rows = board.tasks.map(task => el('tr', {'data-task': task.taskNumber},
      el('th', {class: 'duban-small', style: 'text-align: left; font-weight: normal'},
        task.roundId
          ? el('a', {href: roundHref(task.roundId), title: '在 Cockpit 中打开本轮'}, task.taskNumber + ' ' + task.taskTitle)
          : task.taskNumber + ' ' + task.taskTitle,
        task.period ? ' ' + task.period : '',
        ' ', el('span', {class: 'duban-small'}, '(' + task.roundState + ')')),
      units.map(u => cell(board, task, u))));
    const t = board.totals;
    const lights = t.lights;
    body.replaceChildren(
      el('p', {class: 'duban-totals'},
        board.planTitle + ' ' + board.year + ' 年度:任务轮次 ' + t.rounds + ' 个(进行中 ' + t.running + ' 个),'
        + '按时报送 ' + lights.ON_TIME + '、逾期后已报送 ' + lights.LATE + '、即将到期 ' + lights.DUE_SOON
        + '、已逾期 ' + lights.OVERDUE + '、已通报批评 ' + lights.CRITICISED
        + '、未到期或尚未开始 ' + (lights.NOT_DUE + lights.WAITING) + '。'),
      units.length === 0
        ? el('p', {}, '本年度尚无任务轮次。')
        : el('div', {class: 'duban-scroll'},
          el('table', {class: 'duban-grid'}, el('thead', {}, head), el('tbody', {}, rows))),
      el('h4', {}, '各单位本年度情况'),
      el('table', {class: 'duban-units'},
        el('thead', {}, el('tr', {}, ['单位', '按时报送', '逾期后报送', '逾期未报', '按时率', '本年度通报'].map(h => el('th', {}, h)))),
        el('tbody', {}, units.map(u => el('tr', {'data-unit': u.unit},
          el('td', {}, u.unitName), el('td', {}, u.onTime), el('td', {}, u.late), el('td', {}, u.overdue),
          el('td', {}, u.onTimeRate === null ? '—' : u.onTimeRate + '%'), el('td', {}, u.notices))))));
  }

  function cell(board, task, unit) {
    const c = task.cells[unit.unit];
    if (!c) {
      return el('td', {class: 'duban-cell'});
    }
    const detail = [unit.unitName + ':' + c.label];
    if (c.due) {
      detail.push('截止 ' + c.due);
    }
    if (c.reportedAt) {
      detail.push('报送于 ' + c.reportedAt);
    }
    if (c.daysOverdue) {
      detail.push('逾期 ' + c.daysOverdue + ' 天');
    }
    return el('td', {class: 'duban-cell', 'data-unit': unit.unit, 'data-light': c.light},
      el('a', {href: roundHref(c.roundId), title: detail.join(',') + '(打开本轮)'},
        el('span', {class: 'duban-light duban-light-' + c.colour}, ''),
        el('span', {class: 'sr-only'}, c.label)),
      c.taskId
        ? [' ', el('a', {class: 'duban-small duban-task', href: taskHref(api.engine, c.taskId), target: '_blank',
          rel: 'noopener', title: '在任务清单中打开该单位的任务'}, '任务')]
        : null);
  }

  getJson('/plans').then(plans => {
    state.plans = plans;
    state.plan = plans[0].id;
    state.year = plans[0].year;
    drawControls();
    return load();
  }).catch(error => showError(body, error));
}

// ------------------------------------------------------------------ 逾期台账

const LEDGER_COLUMNS = [
  ['plan', '规划', r => r.planTitle],
  // a period's round (2025年上半年) beside its task; the full-year round as before
  ['task', '任务', r => r.taskNumber + ' ' + r.taskTitle + (r.periodLabel ? '(' + r.periodLabel + ')' : '')],
  ['year', '年度', r => r.year],
  ['unit', '责任单位', r => r.unitName],
  ['handler', '经办人员', r => r.handlerName || '(未认领)'],
  ['due', '截止日期', r => r.due],
  ['daysOverdue', '逾期天数', r => r.daysOverdue],
  ['rung', '已到催办环节', r => r.rung || '—'],
  [null, '待督办单位处理', r => r.proposals || '—']
];

async function plansAndYears() {
  const plans = await getJson('/plans');
  const years = [...new Set(plans.flatMap(p => p.years))].sort();
  return {plans, years};
}

function renderLedger(node, api) {
  ensureStyle();
  const root = el('div', {class: 'duban-oversight duban-page duban-ledger'});
  node.appendChild(root);
  root.appendChild(el('h3', {}, '逾期台账'));
  root.appendChild(el('p', {class: 'duban-small'}, '所负责规划中已过截止日期仍未报送的单位任务。'));
  const controls = el('div', {class: 'duban-controls'});
  const body = el('div', {}, el('p', {}, '正在加载……'));
  root.append(controls, body);
  const filter = {plan: '', year: '', unit: '', sort: 'daysOverdue', order: 'desc'};
  let context = null;
  let units = [];

  function drawControls() {
    controls.replaceChildren(
      select('plan', '规划', [{value: '', label: '全部'}, ...context.plans.map(p => ({value: p.id, label: p.title}))],
        filter.plan, e => { filter.plan = e.target.value; filter.unit = ''; units = []; load(); }),
      select('year', '年度', [{value: '', label: '全部'}, ...context.years.map(y => ({value: y, label: y + ' 年'}))],
        filter.year, e => { filter.year = e.target.value; load(); }),
      select('unit', '单位', [{value: '', label: '全部'}, ...units.map(u => ({value: u[0], label: u[1]}))],
        filter.unit, e => { filter.unit = e.target.value; load(); }),
      exportLinks('/overdue', {plan: filter.plan, year: filter.year, unit: filter.unit, sort: filter.sort, order: filter.order}));
  }

  async function load() {
    await loadRows(body, '/overdue', filter, found => { units = found; }, async rows => {
      drawControls();
      draw(rows, await extensionsOf(rows));
    });
  }

  // 延期申请 of the listed tasks (GET /api/extensions per plan shown): task id → its requests
  async function extensionsOf(rows) {
    const byTask = {};
    for (const plan of [...new Set(rows.map(r => r.planId))]) {
      try {
        const response = await fetch('/api/extensions' + query({plan}),
          {credentials: 'same-origin', headers: {Accept: 'application/json'}});
        const requests = response.ok ? await response.json() : [];
        requests.forEach(x => (byTask[x.unitTaskId] = byTask[x.unitTaskId] || []).push(x));
      } catch (e) {
        // the ledger stands without the column's content
      }
    }
    return byTask;
  }

  function draw(rows, extensions) {
    const head = el('tr', {}, LEDGER_COLUMNS.map(([key, label]) => key
      ? el('th', {class: 'duban-sortable', 'data-sort': key, title: '点击排序', onclick: () => {
        filter.order = filter.sort === key && filter.order === 'asc' ? 'desc' : 'asc';
        filter.sort = key;
        load();
      }}, label + (filter.sort === key ? (filter.order === 'asc' ? ' ▲' : ' ▼') : ''))
      : el('th', {}, label)), el('th', {}, '延期申请'), el('th', {}, '查看'));
    body.replaceChildren(
      el('p', {class: 'duban-count'}, '共 ' + rows.length + ' 项逾期未报。'),
      el('div', {class: 'duban-scroll'}, el('table', {class: 'duban-ledger-table'},
        el('thead', {}, head),
        el('tbody', {}, rows.map(r => el('tr', {'data-unit': r.unit, 'data-task-id': r.taskId},
          LEDGER_COLUMNS.map(([, , value]) => el('td', {}, value(r))),
          el('td', {class: 'duban-ledger-extensions'}, (extensions[r.taskId] || [])
            .map(x => x.statusLabel + '(拟延至 ' + x.proposedDue + ')').join(';') || '—'),
          el('td', {},
            el('a', {href: roundHref(r.roundId)}, '本轮'), ' ',
            el('a', {href: taskHref(api.engine, r.taskId), target: '_blank', rel: 'noopener'}, '任务'))))))));
  }

  plansAndYears().then(c => { context = c; drawControls(); return load(); })
    .catch(error => showError(body, error));
}

// ------------------------------------------------------------------ 通报登记簿

const NOTICE_TYPES = [
  ['REMINDER', '催办提醒'], ['OVERDUE', '逾期催办'], ['CRITICISM', '通报批评'],
  ['SECOND_CRITICISM', '再次通报批评'], ['INTERVIEW', '约谈'], ['COMMENDATION', '通报表扬']
];
const NOTICE_STATUSES = [['ISSUED', '已签发'], ['PROPOSED', '待签发'], ['WITHDRAWN', '已撤回']];

function renderRegister(node, api) {
  ensureStyle();
  const root = el('div', {class: 'duban-oversight duban-page duban-register'});
  node.appendChild(root);
  root.appendChild(el('h3', {}, '通报登记簿'));
  root.appendChild(el('p', {class: 'duban-small'},
    '所负责规划的催办提醒、逾期催办、通报批评、约谈和通报表扬;已签发的通报批评和通报表扬可打印通报文书。'));
  const controls = el('div', {class: 'duban-controls'});
  const body = el('div', {}, el('p', {}, '正在加载……'));
  root.append(controls, body);
  const filter = {plan: '', year: '', unit: '', type: '', status: ''};
  let context = null;
  let units = [];

  function drawControls() {
    const all = {value: '', label: '全部'};
    controls.replaceChildren(
      select('plan', '规划', [all, ...context.plans.map(p => ({value: p.id, label: p.title}))], filter.plan,
        e => { filter.plan = e.target.value; filter.unit = ''; units = []; load(); }),
      select('year', '年度', [all, ...context.years.map(y => ({value: y, label: y + ' 年'}))], filter.year,
        e => { filter.year = e.target.value; load(); }),
      select('unit', '单位', [all, ...units.map(u => ({value: u[0], label: u[1]}))], filter.unit,
        e => { filter.unit = e.target.value; load(); }),
      select('type', '类别', [all, ...NOTICE_TYPES.map(([value, label]) => ({value, label}))], filter.type,
        e => { filter.type = e.target.value; load(); }),
      select('status', '状态', [all, ...NOTICE_STATUSES.map(([value, label]) => ({value, label}))], filter.status,
        e => { filter.status = e.target.value; load(); }),
      exportLinks('/notices', filter));
  }

  async function load() {
    await loadRows(body, '/notices', filter, found => { units = found; }, rows => {
      drawControls();
      draw(rows);
    });
  }

  function draw(rows, extensions) {
    const headings = ['日期', '类别', '状态', '单位', '经办人员', '任务', '事由', '发出单位', '通报文书'];
    body.replaceChildren(
      el('p', {class: 'duban-count'}, '共 ' + rows.length + ' 条记录。'),
      el('div', {class: 'duban-scroll'}, el('table', {class: 'duban-register-table'},
        el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
        el('tbody', {}, rows.map(r => el('tr', {'data-notice': r.noticeId, 'data-type': r.type, 'data-unit': r.unit},
          el('td', {}, r.date),
          el('td', {}, el('span', {class: 'duban-badge duban-badge-' + r.colour}, r.typeLabel)),
          el('td', {}, r.statusLabel),
          el('td', {}, r.unitName),
          el('td', {}, r.handlerName || '—'),
          el('td', {}, r.roundId ? el('a', {href: roundHref(r.roundId)}, r.task) : r.task),
          el('td', {}, r.reason),
          el('td', {}, r.issuedBy),
          el('td', {}, r.document
            ? el('a', {class: 'duban-document', target: '_blank', rel: 'noopener',
              href: API + '/notices/' + encodeURIComponent(r.noticeId) + '/document.pdf'}, '打印通报(PDF)')
            : '—')))))));
  }

  plansAndYears().then(c => { context = c; drawControls(); return load(); })
    .catch(error => showError(body, error));
}

// ------------------------------------------------------------------ registration

function menuEntry(path, label) {
  return (node) => {
    node.appendChild(el('a', {href: '#' + path}, label));
  };
}

export default [
  {
    id: 'duban-oversight-board',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, {api}) => renderBoard(node, api)
  },
  {
    id: 'duban-oversight-ledger',
    pluginPoint: 'cockpit.route',
    properties: {path: '/duban-ledger'},
    render: (node, {api}) => renderLedger(node, api)
  },
  {
    id: 'duban-oversight-register',
    pluginPoint: 'cockpit.route',
    properties: {path: '/duban-register'},
    render: (node, {api}) => renderRegister(node, api)
  },
  {
    id: 'duban-oversight-ledger-menu',
    pluginPoint: 'cockpit.navigation',
    priority: 60,
    properties: {path: '/duban-ledger'},
    render: menuEntry('/duban-ledger', '逾期台账')
  },
  {
    id: 'duban-oversight-register-menu',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: {path: '/duban-register'},
    render: menuEntry('/duban-register', '通报登记簿')
  }
];
