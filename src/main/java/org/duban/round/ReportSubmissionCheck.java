package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.duban.catalog.Target;
import org.duban.evidence.EvidenceFile;
import org.duban.evidence.EvidencePolicy;
import org.duban.evidence.EvidenceRejectedException;
import org.duban.forms.FormRejectedException;
import org.duban.names.CompletionStatus;
import org.duban.names.RoundElements;
import org.duban.targets.RoundTargets;
import org.springframework.stereotype.Component;

/**
 * Checks a unit's report when it is submitted, before the task completes: a violation rolls the
 * whole submission back, so the unit keeps its task and Tasklist keeps what was typed. The report
 * arrives local to the task; on completion the checked values (status normalized, evidence
 * fingerprinted with SHA-256) are filed in the unit's own stage as its report ({@link
 * ReportFiling}), together with who submitted it and when: facts that only the system writes.
 */
@Component("reportSubmissionCheck")
public class ReportSubmissionCheck implements TaskListener {

  /** Leaves room for the rest of the report within the engine's 4000-character text column. */
  public static final int MAX_PROGRESS_LENGTH = 1500;

  /** Integer digits an indicator's value may have: beyond any count or amount a plan states. */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** Decimals an indicator's value may have. */
  public static final int MAX_DECIMALS = 6;

  /**
   * A plain decimal of sane size: no exponent, no NaN or Infinity, exact as a BigDecimal and within
   * the digits that every reader and the review's arithmetic keep.
   */
  private static final Pattern PLAIN_DECIMAL =
      Pattern.compile("-?\\d{1," + MAX_INTEGER_DIGITS + "}(\\.\\d{1," + MAX_DECIMALS + "})?");

  private final EvidencePolicy evidence;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final ReportFiling filing;

  public ReportSubmissionCheck(
      EvidencePolicy evidence, IdentityService identity, ObjectMapper json, ReportFiling filing) {
    this.evidence = evidence;
    this.identity = identity;
    this.json = json;
    this.filing = filing;
  }

  @Override
  public void notify(DelegateTask task) {
    String progress = text(task.getVariableLocal(PROGRESS));
    if (progress.isEmpty()) {
      throw rejected("「工作进展」为必填项,请填写本年度工作进展");
    }
    if (progress.length() > MAX_PROGRESS_LENGTH) {
      throw rejected(
          "「工作进展」共 " + progress.length() + " 字,超过 " + MAX_PROGRESS_LENGTH + " 字上限;详细材料请作为佐证材料上传");
    }
    CompletionStatus status =
        CompletionStatus.parse(task.getVariableLocal(COMPLETION_STATUS))
            .orElseThrow(() -> rejected("「完成情况」为必填项,请选择:" + CompletionStatus.choices()));
    Map<String, BigDecimal> indicators = indicators(task);

    List<EvidenceFile> files = new ArrayList<>();
    for (int n = 1; n <= evidence.maxFiles(); n++) {
      TypedValue value = task.getVariableLocalTyped(evidence(n), false);
      // Tasklist sends an empty file with an empty name for a file field left blank
      if (value instanceof FileValue file
          && file.getFilename() != null
          && !file.getFilename().isBlank()) {
        try {
          files.add(
              evidence
                  .accept(evidence(n), "佐证材料 " + n, file)
                  .withVariableId(variableId(task, evidence(n))));
        } catch (EvidenceRejectedException e) {
          throw rejected(e.getMessage());
        }
      }
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return; // checked at submission; filed when the task completes
    }
    filing.file(
        ReportStage.scopeOf(task.getExecution()),
        progress,
        status,
        indicators,
        files,
        handler(task),
        ClockUtil.getCurrentTime());
  }

  /**
   * The reported value of each of the round's targets, each a plain decimal (see {@link
   * #PLAIN_DECIMAL}), empty without targets. Only the targets the round declares are taken; the
   * lead stage must give every one (its figure counts, see {@link RoundTargets}), a co-unit may
   * leave any out (its contribution). Numbers are read as BigDecimal, never as doubles, so the
   * value filed is exactly the value given.
   */
  private Map<String, BigDecimal> indicators(DelegateTask task) {
    List<Target> targets =
        parse(text(task.getVariable(TARGETS)), new TypeReference<List<Target>>() {}, "targets");
    boolean lead = RoundElements.LEAD.equals(task.getVariable(STAGE));
    String raw = text(task.getVariableLocal(INDICATOR_VALUES));
    Map<String, Object> values = raw.isEmpty() ? Map.of() : values(raw);
    Map<String, BigDecimal> checked = new LinkedHashMap<>();
    java.util.Set<String> declared = new java.util.HashSet<>();
    for (Target target : targets) {
      declared.add(target.indicator());
      Object value = values.get(target.indicator());
      if (value == null || value.toString().isBlank()) {
        if (!lead) {
          continue;
        }
        throw rejected("「指标完成值」缺少指标「" + target.indicator() + "」的数值(牵头单位须报送本年度值)");
      }
      checked.put(target.indicator(), decimal(target.indicator(), value));
    }
    for (String indicator : values.keySet()) {
      if (!declared.contains(indicator)) {
        throw rejected("「指标完成值」中的「" + indicator + "」不是本轮次的指标");
      }
    }
    return checked;
  }

  /** The submitted values, JSON numbers as BigDecimal (a double would round them). */
  private Map<String, Object> values(String raw) {
    try {
      return json.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {})
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .readValue(raw);
    } catch (JsonProcessingException e) {
      throw rejected("字段 " + INDICATOR_VALUES + " 的格式不正确:" + e.getOriginalMessage());
    }
  }

  /** A value given as a JSON number or as text, if it is a plain decimal of sane size. */
  private static BigDecimal decimal(String indicator, Object value) {
    String text = value instanceof String s ? s.trim() : value.toString();
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    if (!(value instanceof String || value instanceof Number)) {
      throw rejected("指标「" + indicator + "」的值「" + shown + "」不是数字");
    }
    if (PLAIN_DECIMAL.matcher(text).matches()) {
      return new BigDecimal(text);
    }
    try {
      new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw rejected("指标「" + indicator + "」的值「" + shown + "」不是数字");
    }
    throw rejected(
        "指标「"
            + indicator
            + "」的值「"
            + shown
            + "」不是有效的数值:请填写普通小数,整数部分不超过 "
            + MAX_INTEGER_DIGITS
            + " 位、小数不超过 "
            + MAX_DECIMALS
            + " 位,不使用科学计数法");
  }

  private <T> T parse(String text, TypeReference<T> type, String field) {
    try {
      return text.isEmpty() ? json.readValue("[]", type) : json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw rejected("字段 " + field + " 的格式不正确:" + e.getOriginalMessage());
    }
  }

  /** History keeps each file under its variable instance id: the report points auditors there. */
  private static String variableId(DelegateTask task, String name) {
    var instance = ((TaskEntity) task).getVariableInstanceLocal(name);
    return instance == null
        ? null
        : ((org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity) instance)
            .getId();
  }

  /** The person who submitted: whoever is logged in, else (a system call) the task's assignee. */
  private String handler(DelegateTask task) {
    var current = identity.getCurrentAuthentication();
    return current != null && current.getUserId() != null
        ? current.getUserId()
        : task.getAssignee();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  private static FormRejectedException rejected(String message) {
    return new FormRejectedException("报送未通过校验:" + message);
  }

  /** The one rule of "on time": by the end of the due day; an open task past it is overdue. */
  public static boolean onTime(Date submittedAt, Date due) {
    return !submittedAt.after(due);
  }
}
