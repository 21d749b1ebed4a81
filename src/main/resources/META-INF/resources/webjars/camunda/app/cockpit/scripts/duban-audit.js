/*
 * Duban: the 审计 view of Cockpit (Cockpit CE shows no history). A navigation entry, a page
 * (cockpit.route at #/duban-audit) with the round search, the result list and one round's history
 * (timeline, reports, evidence with 校验, notices, 送达记录, operation log, variable writes, exports), and a
 * tab on a running process instance that links to it. Everything comes from /api/audit, which
 * answers with the caller's own authorizations; every request here is a GET.
 *
 * Cockpit 7.24 loads this ES module through customScripts in config.js and calls render(node, …)
 * for each plugin; a cockpit.route plugin is registered with $routeProvider at properties.path.
 * Server values are only ever set as text (textContent), never as HTML.
 */

const ROUTE = '/duban-audit';
const API = '/api/audit';

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (name === 'onclick' || name === 'onsubmit') {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child === null || child === undefined) {
      return;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function getJson(url, onResponse) {
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(
    (response) => {
      if (onResponse) {
        onResponse(response);
      }
      if (response.status === 404) {
        throw new Error('未找到,或您无权查看。');
      }
      if (!response.ok) {
        return response
          .json()
          .catch(() => ({}))
          .then((body) => {
            throw new Error(body.message || '查询失败(' + response.status + ')');
          });
      }
      return response.json();
    }
  );
}

/** The route's own query: #/duban-audit?plan=…&round=… */
function hashParams() {
  const hash = window.location.hash || '';
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
}

function go(params) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== null && v !== undefined && String(v).trim() !== '') {
      query.set(k, String(v).trim());
    }
  });
  const text = query.toString();
  window.location.hash = '#' + ROUTE + (text ? '?' + text : '');
}

const FILTERS = [
  {name: 'plan', label: '规划', placeholder: '如 wuzhong-2022'},
  {name: 'task', label: '任务编号', placeholder: '如 一.4-展会'},
  {name: 'year', label: '年度', placeholder: '如 2024'},
  {name: 'unit', label: '单位', placeholder: '单位组 ID'}
];

function filterValues(params) {
  const values = {};
  ['plan', 'task', 'year', 'unit', 'outcome', 'state'].forEach((name) => {
    if (params.get(name)) {
      values[name] = params.get(name);
    }
  });
  return values;
}

function query(values) {
  return new URLSearchParams(values).toString();
}

function table(className, headers, rows) {
  return el(
    'table',
    {class: 'table table-bordered table-condensed ' + className},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows)
  );
}

function label(text, kind) {
  return el('span', {class: 'label label-' + kind}, text);
}

function section(title, ...content) {
  return el('div', {class: 'duban-audit-section'}, el('h3', {}, title), content);
}

function exportLinks(base, separator) {
  return el(
    'span',
    {class: 'duban-export'},
    '导出档案:',
    [
      ['pdf', 'PDF'],
      ['json', 'JSON'],
      ['csv', 'CSV']
    ].map(([format, name]) =>
      el(
        'a',
        {
          class: 'btn btn-default btn-sm duban-export-' + format,
          href: base + separator + 'format=' + format,
          target: '_blank',
          rel: 'noopener'
        },
        name
      )
    )
  );
}

function message(node, text, kind) {
  node.textContent = '';
  node.appendChild(el('div', {class: 'alert alert-' + (kind || 'warning')}, text));
}

// ---------------------------------------------------------------------------- the search

/** Rounds per page of the search; the server pages too (first, max), newest first. */
const PAGE = 50;

function searchPage(root, params) {
  const values = filterValues(params);
  const first = Math.max(0, parseInt(params.get('first') || '0', 10) || 0);
  let more = false;
  const results = el('div', {class: 'duban-audit-results'}, '正在查询…');
  const inputs = {};
  const fields = FILTERS.map((f) => {
    inputs[f.name] = el('input', {
      class: 'form-control input-sm',
      name: f.name,
      id: 'duban-audit-' + f.name,
      placeholder: f.placeholder,
      value: values[f.name] || ''
    });
    return el(
      'div',
      {class: 'form-group', style: 'margin: 0 12px 6px 0'},
      el('label', {for: 'duban-audit-' + f.name}, f.label),
      ' ',
      inputs[f.name]
    );
  });
  inputs.outcome = select('outcome', values.outcome, [
    ['', '全部'],
    ['COMPLETED', '办结'],
    ['CLOSED_OUT', '销号']
  ]);
  inputs.state = select('state', values.state, [
    ['', '全部'],
    ['running', '进行中'],
    ['finished', '已结束']
  ]);
  const form = el(
    'form',
    {
      class: 'form-inline duban-audit-search',
      onsubmit: (event) => {
        event.preventDefault();
        const next = {};
        Object.keys(inputs).forEach((name) => (next[name] = inputs[name].value));
        go(next);
      }
    },
    fields,
    el('div', {class: 'form-group', style: 'margin: 0 12px 6px 0'}, el('label', {for: 'duban-audit-outcome'}, '办理结果'), ' ', inputs.outcome),
    el('div', {class: 'form-group', style: 'margin: 0 12px 6px 0'}, el('label', {for: 'duban-audit-state'}, '状态'), ' ', inputs.state),
    el('button', {type: 'submit', class: 'btn btn-primary btn-sm duban-audit-find'}, '查询')
  );
  root.appendChild(el('h2', {}, '审计:轮次查询'));
  root.appendChild(
    el('p', {class: 'text-muted'}, '可查询已结束和进行中的轮次;只显示您有权查阅的规划。时间均为北京时间。')
  );
  root.appendChild(form);
  root.appendChild(results);

  const paging = Object.assign({}, values, {first: first, max: PAGE});
  getJson(API + '/rounds?' + query(paging), (response) => (more = response.headers.get('X-Duban-More') === 'true'))
    .then((rounds) => {
      results.textContent = '';
      const pageLink = (from, text, className) =>
        el('a', {class: className, href: '#' + ROUTE + '?' + query(Object.assign({}, values, {first: from}))}, text);
      results.appendChild(
        el(
          'p',
          {},
          rounds.length || first
            ? '第 ' + (rounds.length ? first + 1 : first) + '–' + (first + rounds.length) + ' 个轮次(按开始时间从新到旧)。 '
            : '共 0 个轮次。 ',
          first > 0 ? pageLink(Math.max(0, first - PAGE), '« 上一页', 'duban-audit-previous') : null,
          first > 0 && more ? ' ' : null,
          more ? pageLink(first + PAGE, '下一页 »', 'duban-audit-next') : null,
          ' ',
          rounds.length ? exportLinks(API + '/dossier?' + query(values), query(values) ? '&' : '') : null
        )
      );
      if (!rounds.length) {
        return;
      }
      results.appendChild(
        table(
          'duban-audit-round-list',
          ['业务编号', '轮次', '牵头单位', '状态', '办理结果', '开始', '结束', ''],
          rounds.map((r) =>
            el(
              'tr',
              {'data-round': r.processInstanceId},
              el('td', {}, r.businessKey),
              el('td', {}, r.title || ''),
              el('td', {}, r.leadUnitName || r.leadUnit || ''),
              el('td', {}, r.stateLabel),
              el('td', {}, r.outcomeLabel || ''),
              el('td', {}, r.startTime),
              el('td', {}, r.endTime || ''),
              el(
                'td',
                {},
                el(
                  'a',
                  {
                    class: 'duban-audit-open',
                    href: '#' + ROUTE + '?' + query(Object.assign({}, values, {round: r.processInstanceId}))
                  },
                  '查看'
                )
              )
            )
          )
        )
      );
    })
    .catch((error) => message(results, error.message, 'danger'));
}

function select(name, value, options) {
  return el(
    'select',
    {class: 'form-control input-sm', name: name, id: 'duban-audit-' + name},
    options.map(([v, text]) => el('option', {value: v, selected: v === (value || '')}, text))
  );
}

// ---------------------------------------------------------------------------- one round

function roundPage(root, params) {
  const id = params.get('round');
  const back = Object.assign({}, filterValues(params));
  root.appendChild(
    el('p', {}, el('a', {href: '#' + ROUTE + (query(back) ? '?' + query(back) : ''), class: 'duban-audit-back'}, '« 返回查询结果'))
  );
  const body = el('div', {class: 'duban-audit-round'}, '正在读取…');
  root.appendChild(body);
  getJson(API + '/rounds/' + encodeURIComponent(id))
    .then((dossier) => {
      body.textContent = '';
      renderRound(body, dossier);
    })
    .catch((error) => message(body, error.message, 'danger'));
}

function renderRound(body, d) {
  const r = d.round;
  body.appendChild(el('h2', {}, '审计:' + (r.title || r.businessKey)));
  body.appendChild(
    table('duban-audit-facts', ['业务编号', '规划', '任务', '年度', '牵头单位', '状态', '办理结果', '开始', '结束'], [
      el(
        'tr',
        {},
        [r.businessKey, r.planId, r.taskNumber, r.year, r.leadUnitName || r.leadUnit, r.stateLabel, r.outcomeLabel, r.startTime, r.endTime].map(
          (v) => el('td', {}, v === null || v === undefined ? '' : v)
        )
      )
    ])
  );
  body.appendChild(el('p', {}, exportLinks(API + '/rounds/' + encodeURIComponent(r.processInstanceId) + '/dossier', '?')));

  // people's steps always; the system's steps between them (stage starts, filing) on demand
  const systemToggle = el('input', {type: 'checkbox', class: 'duban-show-system-steps'});
  const timeline = table(
    'duban-audit-timeline',
    ['步骤', '类型', '办理人', '开始', '完成', '期限', '是否逾期', '状态', '结论 / 理由'],
    d.steps.map((s, i) =>
      el(
        'tr',
        {
          class: (s.late ? 'danger ' : '') + (s.byPerson || i === 0 || i === d.steps.length - 1 ? '' : 'duban-system-step'),
          style: s.byPerson || i === 0 || i === d.steps.length - 1 ? null : 'display: none'
        },
            el('td', {}, s.name),
            el('td', {}, s.kind),
            el('td', {}, s.handler),
            el('td', {}, s.startTime),
            el('td', {}, s.endTime),
            el('td', {}, s.dueDate),
            el('td', {}, s.late ? label('逾期', 'danger') : ''),
            el('td', {}, s.status),
        el(
          'td',
          {},
          Object.entries(s.decisions || {}).map(([k, v]) => el('div', {}, k + ':' + v))
        )
      )
    )
  );
  systemToggle.addEventListener('change', () => {
    timeline.querySelectorAll('tr.duban-system-step').forEach((row) => {
      row.style.display = systemToggle.checked ? '' : 'none';
    });
  });
  body.appendChild(
    section('办理步骤', el('div', {class: 'checkbox'}, el('label', {}, systemToggle, ' 显示系统步骤')), timeline)
  );

  const files = {};
  d.evidence.forEach((e) => (files[e.variableId] = e));
  body.appendChild(
    section(
      '单位报送(含被退回的各版本)',
      d.reports.length
        ? table(
            'duban-audit-reports',
            ['单位', '环节', '版本', '报送人', '报送时间', '期限', '按时', '完成情况', '工作进展', '佐证材料'],
            d.reports.map((v) =>
              el(
                'tr',
                {},
                el('td', {}, v.unitName),
                el('td', {}, v.stageLabel),
                el('td', {}, '第' + v.version + '版', v.current ? '' : el('div', {}, label('已退回', 'default'))),
                el('td', {}, v.submittedBy),
                el('td', {}, v.submittedAt),
                el('td', {}, v.dueDate),
                el('td', {}, v.onTime ? label('按时', 'success') : label('逾期', 'danger')),
                el('td', {}, v.completionStatusLabel),
                el('td', {style: 'white-space: pre-wrap'}, v.progress || ''),
                el('td', {}, (v.evidenceIds || []).map((fid) => el('div', {}, files[fid] ? files[fid].fileName : fid)))
              )
            )
          )
        : el('p', {}, '尚无报送。')
    )
  );

  body.appendChild(
    section(
      '佐证材料',
      d.evidence.length
        ? table(
            'duban-audit-evidence',
            ['文件名', '单位', '类型', '大小', '报送时记录的 SHA-256', '校验', '下载'],
            d.evidence.map((e) => evidenceRow(e))
          )
        : el('p', {}, '无佐证材料。')
    )
  );

  body.appendChild(
    section(
      '通报与提醒',
      d.notices.length
        ? table(
            'duban-audit-notices',
            ['类型', '单位', '经办人', '事由', '发出时间', '状态', '决定人', '决定时间', '签收'],
            d.notices.map((n) =>
              el(
                'tr',
                {},
                [n.typeLabel, n.unitName, n.handler, n.reason, n.issuedAt, n.statusLabel, n.decidedBy, n.decidedAt, [n.acknowledgedBy, n.acknowledgedAt].filter((x) => x).join(' ')].map(
                  (v) => el('td', {}, v || '')
                )
              )
            )
          )
        : el('p', {}, '无。')
    )
  );

  // each extension request (延期申请) and the office's decision
  const extensions = d.extensions || [];
  body.appendChild(
    section(
      '延期申请',
      extensions.length
        ? table(
            'duban-audit-extensions',
            ['单位', '申请人', '申请时间', '延期理由', '原截止日期', '拟延至', '审批结果', '批准延至', '不予延期理由', '审批人', '审批时间', '结果说明'],
            extensions.map((x) =>
              el(
                'tr',
                {},
                [
                  x.unitName,
                  x.requestedByName || x.requestedBy,
                  x.requestedAt,
                  x.reason,
                  x.currentDue,
                  x.proposedDue,
                  x.statusLabel,
                  x.grantedDue,
                  x.refusalReason,
                  x.decidedByName || x.decidedBy,
                  x.decidedAt,
                  x.outcomeNote,
                ].map((v) => el('td', {style: 'white-space: pre-wrap'}, v || ''))
              )
            )
          )
        : el('p', {}, '无。')
    )
  );

  // every message about the round, each attempt of the job executor beside it (text, not markup)
  const deliveries = d.deliveries || [];
  body.appendChild(
    section(
      '送达记录',
      deliveries.length
        ? table(
            'duban-audit-deliveries',
            ['入队时间', '事由', '关于', '收件单位', '渠道', '状态', '送达时间', '尝试', '标题'],
            deliveries.map((m) =>
              el(
                'tr',
                {},
                [
                  m.queuedAt,
                  m.eventLabel,
                  m.unitName,
                  m.recipientName,
                  m.channelLabel,
                  m.statusLabel,
                  m.deliveredAt,
                  (m.attempts || []).map((a) => a.time + ' ' + (a.delivered ? '成功' : '失败:' + (a.error || ''))).join('\n'),
                  m.subject,
                ].map((v) => el('td', {style: 'white-space: pre-line'}, v || ''))
              )
            )
          )
        : el('p', {}, '无。')
    )
  );

  body.appendChild(
    section(
      '操作日志',
      table(
        'duban-audit-operations',
        ['时间', '用户', '操作', '属性', '原值', '新值', '任务'],
        d.operations.map((o) =>
          el('tr', {}, [o.time, o.userId, o.operationLabel, o.property, o.orgValue, o.newValue, o.taskName].map((v) => el('td', {}, v || '')))
        )
      )
    )
  );

  body.appendChild(
    el(
      'details',
      {class: 'duban-audit-changes'},
      el('summary', {}, '变量变更记录(' + d.changes.length + ' 条)'),
      table(
        'duban-audit-change-list',
        ['时间', '变量', '值', '范围', '版本'],
        d.changes.map((c) =>
          el('tr', {}, [c.time, c.variableName, c.value, c.scope, c.revision].map((v) => el('td', {style: 'word-break: break-all'}, v === null || v === undefined ? '' : v)))
        )
      )
    )
  );
}

function evidenceRow(e) {
  const result = el('span', {class: 'duban-verify-result'});
  const button = el(
    'button',
    {
      type: 'button',
      class: 'btn btn-default btn-xs duban-verify',
      onclick: () => {
        button.disabled = true;
        result.textContent = '校验中…';
        getJson(e.verificationUrl)
          .then((v) => {
            result.textContent = '';
            result.appendChild(label(v.result, v.match ? 'success' : 'danger'));
            result.appendChild(
              el('div', {class: 'small'}, '当前存储值:', el('code', {class: 'duban-actual-sha'}, v.actualSha256), ' 校验时间:' + v.checkedAt)
            );
          })
          .catch((error) => {
            result.textContent = error.message;
          })
          .then(() => {
            button.disabled = false;
          });
      }
    },
    '校验'
  );
  return el(
    'tr',
    {'data-evidence': e.variableId},
    el('td', {}, e.fileName),
    el('td', {}, e.unitName),
    el('td', {}, e.mediaType),
    el('td', {}, e.size + ' 字节'),
    el('td', {}, el('code', {style: 'word-break: break-all'}, e.sha256)),
    el('td', {}, button, ' ', result),
    el('td', {}, el('a', {href: e.downloadUrl, target: '_blank', rel: 'noopener', class: 'duban-download'}, '下载'))
  );
}

function page(node) {
  node.textContent = '';
  const root = el('div', {class: 'duban-audit', style: 'padding: 15px 20px; overflow: auto; height: 100%'});
  node.appendChild(root);
  const params = hashParams();
  if (params.get('round')) {
    roundPage(root, params);
  } else {
    searchPage(root, params);
  }
}

export default [
  {
    id: 'duban.audit.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 30,
    properties: {
      path: ROUTE,
      label: '审计',
      checkActive: (url) => (url || '').indexOf('#' + ROUTE) > -1
    },
    render(node) {
      node.textContent = '';
      node.appendChild(el('a', {href: '#' + ROUTE, class: 'duban-audit-nav'}, '审计'));
    }
  },
  {
    id: 'duban.audit.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path: ROUTE, label: '审计'},
    render(node) {
      page(node);
    }
  },
  {
    id: 'duban.audit.processInstanceTab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 0,
    properties: {label: '审计'},
    render(node, {processInstanceId}) {
      node.textContent = '';
      node.appendChild(
        el(
          'p',
          {style: 'padding: 10px'},
          '本轮次的完整历史(办理步骤、报送、佐证材料校验、通报)见 ',
          el('a', {href: '#' + ROUTE + '?round=' + encodeURIComponent(processInstanceId)}, '审计视图'),
          '。'
        )
      );
    }
  }
];
