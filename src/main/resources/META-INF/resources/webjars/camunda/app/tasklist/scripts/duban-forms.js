/*
 * Duban: the code the Tasklist forms (forms/*.html) share. Tasklist imports this module once, before
 * it shows any form (customScripts in config.js); each form's <script cam-script> starts with
 *
 *   inject(['$scope', '$injector', function($scope, $injector) {
 *     var form = duban.form(camForm, $scope, $injector);
 *     ...
 *   }]);
 *
 * Display data is read with plain GETs, so it is never submitted back with the form; only the fields
 * a form declares are (the server refuses anything else).
 */

const SETTINGS_URL = '/api/forms/settings';

/** Where the round keeps a unit's filed report: report_<unit id with _ for ->. */
function reportVariable(unit) {
  return 'report_' + unit.replace(/-/g, '_');
}

function parsed(variable) {
  return variable && variable.value ? JSON.parse(variable.value) : null;
}

function megabytes(bytes) {
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** The table of co-unit reports, as the lead and the supervisor see it; reads `reports` from its scope. */
const CO_UNIT_REPORTS = `
<table class="table table-condensed table-bordered duban-co-unit-reports" ng-if="reports.length">
  <thead><tr><th>单位</th><th>完成情况</th><th>工作进展</th><th>报送时间 / 经办人</th><th>佐证材料(SHA-256)</th></tr></thead>
  <tbody>
    <tr ng-repeat="r in reports">
      <td>{{ r.unitName }}<br><span class="label" ng-class="r.onTime ? 'label-success' : 'label-danger'">{{ r.onTime ? '按时' : '逾期' }}</span></td>
      <td>{{ r.completionStatusLabel }}</td>
      <td style="white-space: pre-wrap">{{ r.progress }}</td>
      <td>{{ r.submittedAt | date:'yyyy-MM-dd HH:mm' }}<br><small>{{ r.submittedByName || r.submittedBy }}</small></td>
      <td><div ng-repeat="f in r.evidence"><a ng-href="/api/evidence/{{ f.variableId }}" target="_blank">{{ f.fileName }}</a><br><small><code>{{ f.sha256 | limitTo:16 }}…</code></small></div></td>
    </tr>
  </tbody>
</table>`;

/** The unit's earlier reports of this task (GET /api/own-reports); reads `ownReports` from its scope. */
const OWN_REPORTS = `
<div class="panel panel-default duban-own-reports" ng-if="ownReports">
  <div class="panel-heading">本单位历次报送(本任务)</div>
  <div class="panel-body" ng-if="!ownReports.length"><span class="text-muted">本单位此前没有报送过本任务。</span></div>
  <table class="table table-condensed" ng-if="ownReports.length">
    <thead><tr><th>年度</th><th>报送时间 / 经办人</th><th>完成情况</th><th>工作进展</th><th>佐证材料</th></tr></thead>
    <tbody>
      <tr ng-repeat="r in ownReports">
        <td>{{ r.year }} 年<span ng-if="r.thisRound"><br><small>本轮(已退回)</small></span></td>
        <td>{{ r.submittedAt | date:'yyyy-MM-dd HH:mm' }}
          <span class="label" ng-class="r.onTime ? 'label-success' : 'label-danger'">{{ r.onTime ? '按时' : '逾期' }}</span>
          <br><small>{{ r.submittedByName || r.submittedBy }}</small></td>
        <td>{{ r.completionStatusLabel }}</td>
        <td style="white-space: pre-wrap">{{ r.progress }}</td>
        <td><div ng-repeat="f in r.evidence"><a ng-href="/api/evidence/{{ f.variableId }}" target="_blank">{{ f.fileName }}</a></div></td>
      </tr>
    </tbody>
  </table>
</div>`;

/**
 * 申请延期 on the unit's report task (POST /api/extensions): its fields carry no cam-variable-name, so
 * they are never part of the report; the server checks every rule. Reads `extension` from its scope.
 */
const EXTENSION_REQUEST = `
<div class="panel panel-default duban-extension" ng-if="extension">
  <div class="panel-heading">申请延期
    <small class="text-muted">(本任务已申请 {{ extension.asked }} 次,最多 {{ extension.allowed }} 次;须在截止日期 {{ extension.dueDate }} 前提出)</small></div>
  <div class="panel-body">
    <table class="table table-condensed" ng-if="extension.requests.length">
      <thead><tr><th>申请时间 / 申请人</th><th>原截止日期 → 拟延至</th><th>理由</th><th>审批结果</th></tr></thead>
      <tbody><tr ng-repeat="r in extension.requests">
        <td>{{ r.requestedAt | date:'yyyy-MM-dd HH:mm' }}<br><small>{{ r.requestedByName }}</small></td>
        <td>{{ r.currentDue }} → {{ r.proposedDue }}</td>
        <td style="white-space: pre-wrap">{{ r.reason }}</td>
        <td><strong>{{ r.statusLabel }}</strong><span ng-if="r.outcomeNote"><br><small>{{ r.outcomeNote }}</small></span></td>
      </tr></tbody>
    </table>
    <div ng-if="!extension.pending && extension.asked < extension.allowed">
      <div class="form-group">
        <label for="extensionReason">延期理由</label>
        <textarea id="extensionReason" class="form-control" rows="2" maxlength="500" ng-model="extension.reason"
                  placeholder="请说明需要延期的原因(不超过 500 字)"></textarea>
      </div>
      <div class="form-group">
        <label for="extensionDue">拟延至日期</label>
        <input id="extensionDue" type="date" class="form-control" ng-model="extension.proposedDue">
      </div>
      <button type="button" class="btn btn-default" ng-click="requestExtension()"
              ng-disabled="!extension.reason || !extension.proposedDue">提交延期申请</button>
    </div>
    <p class="text-info" ng-if="extension.pending && !extension.message">延期申请待督办单位审批。</p>
    <p ng-class="extension.error ? 'text-danger' : 'text-success'" ng-if="extension.message">{{ extension.message }}</p>
  </div>
</div>`;

/** Templates a form includes with ng-include="'duban/…'". */
const TEMPLATES = {
  'duban/co-unit-reports.html': CO_UNIT_REPORTS,
  'duban/own-reports.html': OWN_REPORTS,
  'duban/extension-request.html': EXTENSION_REQUEST
};

function isoDay(value) {
  if (!(value instanceof Date)) {
    return value || null;
  }
  const pad = function(n) { return (n < 10 ? '0' : '') + n; };
  return value.getFullYear() + '-' + pad(value.getMonth() + 1) + '-' + pad(value.getDate());
}

/** A field's name as its label shows it, without the required mark. */
function fieldLabel(formElement, field) {
  const label = field.id && formElement.querySelector('label[for="' + field.id + '"]');
  return label ? label.textContent.replace('*', '').trim() : (field.getAttribute('name') || field.id);
}

function isMissing(field) {
  return field.value === '' || (field.validity && !field.validity.valid);
}

/** One form's helpers, bound to its camForm, scope and the Tasklist's injector. */
function form(camForm, $scope, $injector) {
  const $http = $injector.get('$http');
  const $timeout = $injector.get('$timeout');
  const Uri = $injector.get('Uri');
  const $templateCache = $injector.get('$templateCache');
  Object.keys(TEMPLATES).forEach(function(name) {
    $templateCache.put(name, TEMPLATES[name]);
  });
  const vars = camForm.variableManager;

  return {
    /**
     * Reads every variable the task sees into target (name → value) and resolves with the engine's
     * answer (name → {type, value, valueInfo}), e.g. for duban.report(all, unit).
     */
    loadTaskVariables: function(target) {
      return $http.get(Uri.appUri('engine://engine/:engine/task/' + camForm.taskId + '/variables?deserializeValues=false'))
        .then(function(response) {
          const all = response.data;
          Object.keys(all).forEach(function(name) { target[name] = all[name].value; });
          return all;
        });
    },

    /**
     * Reads the server's rules (GET /api/forms/settings: evidence limits, the choices of the
     * selects) into $scope.settings. The selects render their options from it; a value the SDK
     * applied to one of the named selects before its options existed (a saved draft) is put back.
     */
    loadSettings: function(selects) {
      return $http.get(SETTINGS_URL).then(function(response) {
        $scope.settings = response.data;
        $timeout(function() {
          (selects || []).forEach(function(name) {
            const variable = vars.variables[name];
            if (variable && variable.value && !$scope[name]) {
              $scope[name] = variable.value;
            }
          });
        });
        return response.data;
      }, function(response) {
        $scope.settingsError = '无法读取表单设置(' + (response.status || '网络错误') + '),请刷新页面后重试。';
        throw response;
      });
    },

    /**
     * The report's evidence fields, as many as the server accepts: sets $scope.evidenceSlots to
     * [1 … maxFiles] for the form's ng-repeat of <input type="file" data-duban-evidence="{{ n }}">.
     *
     * The form SDK binds only the cam-variable-name fields present when it parses the form, so
     * these, rendered later, are handed to it here as evidence1 … evidenceN of type File, with the
     * SDK's own field handler: it then reads, size-checks (cam-max-filesize) and uploads them like
     * any parsed field. Registration is repeated on submit and save, because Tasklist resets the
     * form's variables to their first state after a refused submission. A file over the size cap is
     * refused (in Chinese) when it is chosen.
     */
    /**
     * Names what keeps 完成 disabled: under each required field left empty once the user has been
     * in it ("请填写「工作进展」。"), and in the element .duban-missing the list of every required field
     * still empty. Tasklist only greys its button out.
     */
    requiredHints: function() {
      const formElement = camForm.formElement[0];
      const touched = {};
      const update = function() {
        const missing = [];
        formElement.querySelectorAll('[required]').forEach(function(field) {
          const label = fieldLabel(formElement, field);
          let hint = field.nextElementSibling;
          if (!hint || !hint.classList.contains('duban-required-hint')) {
            hint = document.createElement('p');
            hint.className = 'text-danger duban-required-hint';
            field.parentNode.insertBefore(hint, field.nextSibling);
          }
          const empty = isMissing(field);
          if (empty) {
            missing.push(label);
          }
          const show = empty && touched[field.id || field.name];
          hint.textContent = show
            ? (field.tagName === 'SELECT' ? '请选择「' : '请填写「') + label + '」。'
            : '';
          hint.style.display = show ? '' : 'none';
        });
        const summary = formElement.querySelector('.duban-missing');
        if (summary) {
          summary.textContent = missing.length
            ? '尚未填写:' + missing.join('、') + '。填写后才能点击「完成」。'
            : '';
          summary.style.display = missing.length ? '' : 'none';
        }
      };
      const touch = function(event) {
        const field = event.target;
        if (field && field.hasAttribute && field.hasAttribute('required')) {
          touched[field.id || field.name] = true;
        }
        update();
      };
      formElement.addEventListener('focusout', touch);
      formElement.addEventListener('change', touch);
      formElement.addEventListener('input', update);
      // fields rendered later (indicators, a draft applied by the SDK) are counted at each digest
      $scope.$watch(function() { $timeout(update, 0, false); });
    },

    /**
     * Reads this unit's earlier reports of the task into $scope.ownReports, for the form's
     * ng-include="'duban/own-reports.html'"; the server answers the caller's own unit's only.
     */
    loadOwnReports: function() {
      // fetch, not $http: a failure leaves the list out instead of raising Tasklist's error notice
      return fetch('/api/own-reports?taskId=' + encodeURIComponent(camForm.taskId),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function(response) { return response.ok ? response.json() : null; })
        .catch(function() { return null; })
        .then(function(reports) {
          $scope.$evalAsync(function() { $scope.ownReports = reports; });
        });
    },

    /**
     * The task's extension requests and allowance into $scope.extension, for the form's
     * ng-include="'duban/extension-request.html'", and $scope.requestExtension() to ask.
     */
    extensionRequests: function() {
      const load = function(message, error) {
        return fetch('/api/extensions/allowance?taskId=' + encodeURIComponent(camForm.taskId),
          { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function(response) { return response.ok ? response.json() : null; })
          .catch(function() { return null; })
          .then(function(allowance) {
            $scope.$evalAsync(function() {
              $scope.extension = allowance;
              if (allowance) { allowance.message = message; allowance.error = error; }
            });
          });
      };
      $scope.requestExtension = function() {
        const ext = $scope.extension;
        // $http sends the session's CSRF token (X-XSRF-TOKEN), as Tasklist's own calls do
        $http.post('/api/extensions',
          { taskId: camForm.taskId, reason: ext.reason, proposedDue: isoDay(ext.proposedDue) })
          .then(function(response) { load(response.data.message, false); },
            function(response) {
              ext.message = (response.data && response.data.message) || '延期申请未提交';
              ext.error = true;
            });
      };
      return load();
    },

    /** A notice once the server has accepted the submission: text(), read as it is sent. */
    confirmOnSuccess: function(text) {
      const Notifications = $injector.get('Notifications');
      camForm.on('submit-success', function() {
        Notifications.addMessage({ status: '已报送', message: text(), duration: 20000 });
      });
    },

    evidenceFields: function(evidence) {
      const Handler = camForm.constructor.fields.InputFieldHandler;
      const formElement = camForm.formElement[0];
      const registered = {};
      $scope.evidenceSlots = [];
      for (let n = 1; n <= evidence.maxFiles; n++) {
        $scope.evidenceSlots.push(n);
      }
      $scope.evidenceErrors = {};
      const register = function() {
        formElement.querySelectorAll('input[type="file"][data-duban-evidence]').forEach(function(input) {
          const name = 'evidence' + input.getAttribute('data-duban-evidence');
          input.setAttribute('cam-variable-name', name);
          input.setAttribute('cam-variable-type', 'File');
          if (!registered[name]) {
            if (vars.variables[name]) {
              vars.destroyVariable(name);
            }
            camForm.fields.push(new Handler(input, vars, camForm));
            registered[name] = true;
          } else if (!vars.variables[name]) {
            vars.createVariable({ name: name, type: 'File' });
          }
        });
      };
      $timeout(register); // once ng-repeat has rendered the fields
      camForm.on('submit', register);
      camForm.on('store', register);
      formElement.addEventListener('change', function(event) {
        const input = event.target;
        if (!input.matches || !input.matches('input[type="file"][data-duban-evidence]')) {
          return;
        }
        const slot = input.getAttribute('data-duban-evidence');
        const file = input.files && input.files[0];
        $scope.$evalAsync(function() {
          if (file && file.size > evidence.maxBytes) {
            $scope.evidenceErrors[slot] = '「' + file.name + '」大小 ' + megabytes(file.size) + ',超过上限 '
              + evidence.maxSize + ',请重新选择。';
            input.value = '';
          } else {
            delete $scope.evidenceErrors[slot];
          }
        });
      });
    }
  };
}

window.duban = Object.freeze({
  form: form,

  /** A unit's filed report, parsed from the task's variables, or null when it has not reported. */
  report: function(all, unit) {
    return unit ? parsed(all[reportVariable(unit)]) : null;
  },

  /** The filed reports of a comma-separated list of units, in its order. */
  reports: function(all, units) {
    return (units || '').split(',').filter(function(u) { return u; })
      .map(function(u) { return parsed(all[reportVariable(u)]); })
      .filter(function(r) { return r; });
  }
});

/*
 * 新建任务 (a task outside any round) needs the engine's CREATE permission on tasks, which units do
 * not have: Tasklist offers it to everyone and then fails. user-styles.css hides it; it is shown
 * again only to a user the engine says may create tasks (Tasklist has no per-user setting for it).
 */
function revealCreateTask(item) {
  const root = document.querySelector('base').getAttribute('app-root');
  fetch(root + '/api/engine/engine/default/authorization/check?permissionName=CREATE&permissionValue=8'
      + '&resourceName=Task&resourceType=4', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function(response) { return response.ok ? response.json() : { authorized: false }; })
    .then(function(answer) { return answer.authorized === true; })
    .catch(function() { return false; })
    .then(function(allowed) {
      item.classList.toggle('duban-may-create-task', allowed);
      // the engine's answer has arrived (pages and tests can tell "hidden" from "not yet known")
      item.setAttribute('data-duban-create-task', allowed ? 'allowed' : 'refused');
    });
}

// the navbar item appears after each login (and again after a user change)
new MutationObserver(function() {
  document.querySelectorAll('.create-task-action:not([data-duban-checked])').forEach(function(item) {
    item.setAttribute('data-duban-checked', '');
    revealCreateTask(item);
  });
}).observe(document.documentElement, { childList: true, subtree: true });
