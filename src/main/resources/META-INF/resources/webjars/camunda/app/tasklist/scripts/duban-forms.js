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

/** Templates a form includes with ng-include="'duban/…'". */
const TEMPLATES = {
  'duban/co-unit-reports.html': CO_UNIT_REPORTS
};

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
