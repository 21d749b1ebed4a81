package org.duban.oversight;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.TaskEntry;
import org.duban.documents.LocalTimes;
import org.duban.identity.PeopleNames;
import org.duban.names.NoticeStatus;
import org.duban.names.NoticeType;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundElements.Rung;
import org.duban.round.ReportSubmissionCheck;
import org.duban.round.RoundUnits;
import org.duban.round.UnitReport;
import org.duban.schedule.Deadlines;
import org.duban.schedule.RoundRules;
import org.springframework.stereotype.Component;

/**
 * The supervisors' views as plain Java: the board, the overdue ledger and the notice register of
 * the authenticated caller's plans (set by the /api filter, or by a benchmark calling this bean
 * under {@code identityService.setAuthentication}). The engine decides which of the plans' process
 * definitions the caller may read ({@link ReadableDefinitions}); each view then queries within
 * those, and costs the same number of queries however many tasks there are: lookups go by {@code
 * ...In(ids)}, never one per task.
 */
@Component
public class OversightQueries {

  static final String[] REPORT_TASKS = {
    RoundElements.reportTask(RoundElements.CO_UNIT), RoundElements.reportTask(RoundElements.LEAD)
  };

  private final OversightAccess access;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final OpenReports openReports;
  private final NoticeRecords notices;
  private final PeopleNames people;
  private final Deadlines deadlines;
  private final LocalTimes times;
  private final ObjectMapper json;
  private final CommandExecutor commands;
  private final ReadableDefinitions readable;
  private final VariableTables variables;

  public OversightQueries(
      OversightAccess access,
      TaskService tasks,
      RuntimeService runtime,
      HistoryService history,
      OpenReports openReports,
      NoticeRecords notices,
      PeopleNames people,
      Deadlines deadlines,
      LocalTimes times,
      ObjectMapper json,
      ProcessEngine engine,
      ReadableDefinitions readable,
      VariableTables variables) {
    this.access = access;
    this.tasks = tasks;
    this.runtime = runtime;
    this.history = history;
    this.openReports = openReports;
    this.notices = notices;
    this.people = people;
    this.deadlines = deadlines;
    this.times = times;
    this.json = json;
    this.readable = readable;
    this.variables = variables;
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
  }

  /**
   * Runs a view in one command context, within the definitions {@link ReadableDefinitions} grants
   * the caller (decided first, inside the view), and without the engine's per-row checks; the
   * engine would otherwise also re-read the caller's groups before each query. Refusals happen
   * before, outside.
   */
  private <T> T inOneCommand(Supplier<T> view) {
    return commands.execute(
        context -> {
          context.disableAuthorizationCheck();
          return view.get();
        });
  }

  private static List<String> roundKeys(PlanCatalog plan) {
    return plan.tasks().stream().map(t -> ProcessKeys.round(plan.id(), t.number())).toList();
  }

  /** The plans whose notices the caller may read with {@code permission}. */
  private List<PlanCatalog> withReadableNotices(
      Collection<PlanCatalog> plans, org.camunda.bpm.engine.authorization.Permission permission) {
    Set<String> readable =
        this.readable.of(permission, plans.stream().map(p -> ProcessKeys.notice(p.id())).toList());
    return plans.stream().filter(p -> readable.contains(ProcessKeys.notice(p.id()))).toList();
  }

  /** The caller's plans. */
  public List<PlanCatalog> plans() {
    return access.plans();
  }

  /** The year a board opens on: this year, within the plan's period. */
  public int defaultYear(PlanCatalog plan) {
    int year = deadlines.today().getYear();
    return Math.max(plan.plan().period().from(), Math.min(plan.plan().period().to(), year));
  }

  // ---------------------------------------------------------------- board

  public Board board(String planId, Integer year) {
    PlanCatalog plan = access.plan(planId);
    return inOneCommand(() -> board(plan, year));
  }

  private Board board(PlanCatalog plan, Integer year) {
    int y = year == null ? defaultYear(plan) : year;
    Map<String, TaskEntry> taskOfKey = new LinkedHashMap<>();
    plan.tasks().forEach(t -> taskOfKey.put(ProcessKeys.round(plan.id(), t.number()), t));
    Set<String> readableRounds = readable.of(READ_HISTORY, taskOfKey.keySet());

    // one round per task and reporting period of the year; a cancelled one gives way to the one
    // that replaced it
    Map<String, HistoricProcessInstance> roundOfKey = new HashMap<>();
    for (HistoricProcessInstance round :
        readableRounds.isEmpty()
            ? List.<HistoricProcessInstance>of()
            : history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(readableRounds.toArray(String[]::new))
                .processInstanceBusinessKeyLike(plan.id() + "/%/" + y + "%")
                .orderByProcessInstanceStartTime()
                .asc()
                .list()) {
      if (!inYear(round, y)) {
        continue;
      }
      String slot =
          slot(round.getProcessDefinitionKey(), ProcessKeys.periodOf(round.getBusinessKey()));
      HistoricProcessInstance earlier = roundOfKey.get(slot);
      if (earlier == null || !isLive(earlier) || isLive(round)) {
        roundOfKey.put(slot, round);
      }
    }
    List<String> roundIds =
        roundOfKey.values().stream().map(HistoricProcessInstance::getId).toList();

    Map<String, List<String>> membersOfRound = members(roundIds);
    Map<String, UnitReport> reports = latestReports(roundIds);
    Map<String, OpenReport> open = new HashMap<>();
    if (!roundIds.isEmpty()) {
      openReports
          .of(
              Batches.in(
                  roundIds,
                  ids ->
                      tasks
                          .createTaskQuery()
                          .processInstanceIdIn(ids)
                          .taskDefinitionKeyIn(REPORT_TASKS)
                          .list()))
          .forEach(r -> open.put(r.roundId() + "|" + r.unit(), r));
    }
    Set<String> roundKeys =
        roundOfKey.values().stream()
            .map(HistoricProcessInstance::getBusinessKey)
            .collect(Collectors.toSet());
    List<NoticeRecord> yearNotices =
        notices.ofRounds(withReadableNotices(List.of(plan), READ_HISTORY), roundKeys);
    Set<String> criticised =
        yearNotices.stream()
            .filter(NoticeRecord::criticism)
            .map(n -> n.roundKey() + "|" + n.unit())
            .collect(Collectors.toSet());

    Date now = ClockUtil.getCurrentTime();
    Map<String, int[]> record = new LinkedHashMap<>(); // unit → onTime, late, overdue
    Map<Light, Integer> lights = new EnumMap<>(Light.class);
    List<Board.Row> rows = new ArrayList<>();
    int running = 0;
    int cellCount = 0;
    for (Map.Entry<String, TaskEntry> entry : taskOfKey.entrySet()) {
      TaskEntry task = entry.getValue();
      RoundRules schedule = RoundRules.of(plan.calendar(), task);
      // the periods the catalog schedules, and those of rounds opened under an earlier schedule
      java.util.SortedSet<ReportPeriod> periods =
          new java.util.TreeSet<>(
              schedule.oneOff()
                  ? schedule.deadline().getYear() == y ? List.of(ReportPeriod.YEAR) : List.of()
                  : schedule.periods());
      for (ReportPeriod p : ReportPeriod.values()) {
        if (roundOfKey.containsKey(slot(entry.getKey(), p))) {
          periods.add(p);
        }
      }
      if (periods.isEmpty()) {
        rows.add(
            new Board.Row(
                task.number(),
                task.title(),
                null,
                null,
                "本年度无轮次(完成时限 " + schedule.deadline() + ")",
                Map.of()));
        continue;
      }
      for (ReportPeriod period : periods) {
        String label = periods.size() > 1 || period != ReportPeriod.YEAR ? period.title(y) : null;
        HistoricProcessInstance round = roundOfKey.get(slot(entry.getKey(), period));
        if (round == null) {
          rows.add(new Board.Row(task.number(), task.title(), label, null, "未启动", Map.of()));
          continue;
        }
        if (isLive(round)) {
          running++;
        }
        Map<String, Board.Cell> cells = new LinkedHashMap<>();
        for (String unit : membersOfRound.getOrDefault(round.getId(), List.of())) {
          String at = round.getId() + "|" + unit;
          OpenReport openTask = open.get(at);
          UnitReport report = reports.get(at);
          int[] counts = record.computeIfAbsent(unit, u -> new int[3]);
          Light light;
          Long late = null;
          if (openTask != null) {
            boolean overdue = !ReportSubmissionCheck.onTime(now, openTask.due());
            // the task's follow-up date is the day its reminder rung fires (see
            // RoundProcessFactory)
            Date reminder = openTask.task().getFollowUpDate();
            light =
                overdue
                    ? Light.OVERDUE
                    : reminder != null && !now.before(reminder) ? Light.DUE_SOON : Light.NOT_DUE;
            if (overdue) {
              counts[2]++;
              late = daysOverdue(openTask.due());
            }
          } else if (report != null) {
            light = report.onTime() ? Light.ON_TIME : Light.LATE;
            counts[report.onTime() ? 0 : 1]++;
          } else {
            light = Light.WAITING;
          }
          if (criticised.contains(round.getBusinessKey() + "|" + unit)) {
            light = Light.CRITICISED;
          }
          lights.merge(light, 1, Integer::sum);
          cellCount++;
          cells.put(
              unit,
              new Board.Cell(
                  light.name(),
                  light.colour,
                  light.label,
                  round.getId(),
                  openTask == null ? null : openTask.task().getId(),
                  openTask != null
                      ? times.day(openTask.due())
                      : report == null ? null : report.dueDate().substring(0, 10),
                  report == null || openTask != null ? null : report.submittedAt().substring(0, 10),
                  late));
        }
        rows.add(
            new Board.Row(
                task.number(),
                task.title(),
                label,
                round.getId(),
                isLive(round) ? "进行中" : "已结束",
                cells));
      }
    }
    Map<String, Long> noticesOfUnit =
        yearNotices.stream()
            .filter(NoticeRecord::issued)
            .collect(Collectors.groupingBy(NoticeRecord::unit, Collectors.counting()));
    List<Board.UnitColumn> units = new ArrayList<>();
    record.forEach(
        (unit, c) -> {
          int due = c[0] + c[1] + c[2];
          units.add(
              new Board.UnitColumn(
                  unit,
                  RoundUnits.nameOf(plan, unit),
                  c[0],
                  c[1],
                  c[2],
                  due == 0 ? null : Math.round(100f * c[0] / due),
                  noticesOfUnit.getOrDefault(unit, 0L).intValue()));
        });
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (Light light : Light.values()) {
      totals.put(light.name(), lights.getOrDefault(light, 0));
    }
    return new Board(
        plan.id(),
        plan.plan().title(),
        plan.plan().coordinatingOffice().name(),
        y,
        IntStream.rangeClosed(plan.plan().period().from(), plan.plan().period().to())
            .boxed()
            .toList(),
        rows,
        units,
        new Board.Totals(roundOfKey.size(), running, cellCount, totals));
  }

  /** A board's place for a round: its task's process and its reporting period. */
  private static String slot(String processKey, ReportPeriod period) {
    return processKey + "|" + period.name();
  }

  private static boolean inYear(HistoricProcessInstance round, int year) {
    Integer y = ProcessKeys.yearOf(round.getBusinessKey());
    return y != null && y == year;
  }

  private static boolean isLive(HistoricProcessInstance round) {
    return round.getEndTime() == null;
  }

  /** Round id → its units: co-units first, then the lead, as the round fixed them. */
  private Map<String, List<String>> members(List<String> roundIds) {
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        Batches.in(
            roundIds,
            ids ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(ids)
                    .variableNameIn(CO_UNITS, LEAD_UNIT)
                    .list())) {
      // the round's own variables, not a stage's local "unit"
      if (v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
        vars.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    Map<String, List<String>> members = new HashMap<>();
    vars.forEach(
        (round, v) -> {
          Set<String> units = new LinkedHashSet<>(RoundUnits.split((String) v.get(CO_UNITS)));
          if (v.get(LEAD_UNIT) != null) {
            units.add((String) v.get(LEAD_UNIT));
          }
          members.put(round, List.copyOf(units));
        });
    return members;
  }

  /** round id|unit → the unit's latest filed report (a lead's rework replaces its first). */
  private Map<String, UnitReport> latestReports(List<String> roundIds) {
    List<HistoricVariableInstance> filed =
        new ArrayList<>(
            Batches.in(
                roundIds,
                ids ->
                    history
                        .createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(ids)
                        .variableName(REPORT)
                        .includeDeleted()
                        .list()));
    filed.sort(Comparator.comparing(HistoricVariableInstance::getCreateTime));
    Map<String, UnitReport> reports = new HashMap<>();
    for (HistoricVariableInstance v : filed) {
      if (v.getValue() instanceof String text) {
        try {
          UnitReport report = json.readValue(text, UnitReport.class);
          reports.put(v.getProcessInstanceId() + "|" + report.unit(), report);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("unreadable report " + v.getId(), e);
        }
      }
    }
    return reports;
  }

  private long daysOverdue(Date due) {
    LocalDate dueDay = deadlines.day(due);
    return Math.max(0, ChronoUnit.DAYS.between(dueDay, deadlines.today()));
  }

  // ---------------------------------------------------------------- ledger

  public List<LedgerRow> overdue(OverdueFilter filter) {
    List<PlanCatalog> plans = access.plans(filter.plan());
    return inOneCommand(() -> overdue(plans, filter));
  }

  private List<LedgerRow> overdue(List<PlanCatalog> plans, OverdueFilter filter) {
    Set<String> readableRounds =
        readable.of(READ_TASK, plans.stream().flatMap(p -> roundKeys(p).stream()).toList());
    Map<String, PlanCatalog> planOfKey = new HashMap<>();
    Map<String, TaskEntry> taskOfKey = new HashMap<>();
    for (PlanCatalog plan : plans) {
      for (TaskEntry task : plan.tasks()) {
        String key = ProcessKeys.round(plan.id(), task.number());
        if (readableRounds.contains(key)) {
          planOfKey.put(key, plan);
          taskOfKey.put(key, task);
        }
      }
    }
    if (planOfKey.isEmpty()) {
      return List.of();
    }
    // overdue is the complement of on time (ReportSubmissionCheck.onTime): due strictly before now
    TaskQuery query =
        tasks
            .createTaskQuery()
            .processDefinitionKeyIn(planOfKey.keySet().toArray(String[]::new))
            .taskDefinitionKeyIn(REPORT_TASKS)
            .dueBefore(ClockUtil.getCurrentTime());
    if (filter.year() != null) {
      // the year's round plan/task/2025 and its periods' plan/task/2025-H1, …: one pattern for
      // both (a task query takes one), the year matched exactly below (ProcessKeys.yearOf)
      query.processInstanceBusinessKeyLike("%/" + filter.year() + "%");
    }
    if (filter.unit() != null && !filter.unit().isBlank()) {
      query.taskCandidateGroup(filter.unit()).includeAssignedTasks();
    }
    List<OpenReport> open = openReports.of(query.list());
    if (open.isEmpty()) {
      return List.of();
    }
    Set<String> roundIds = open.stream().map(OpenReport::roundId).collect(Collectors.toSet());
    Map<String, Map<String, Object>> roundVars = new HashMap<>();
    for (VariableInstance v :
        Batches.in(
            roundIds,
            ids ->
                runtime
                    .createVariableInstanceQuery()
                    .processInstanceIdIn(ids)
                    .variableNameIn(PLAN_ID, TASK_NUMBER, YEAR, PERIOD)
                    .disableBinaryFetching()
                    .list())) {
      if (v.getProcessInstanceId().equals(v.getExecutionId())) {
        roundVars
            .computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    // round id → the round's own business key, plan/task/2025 or plan/task/2025-H1 (RoundOpening)
    Map<String, String> keyOfRound = new HashMap<>();
    roundVars.forEach(
        (id, v) -> {
          if (v.get(PLAN_ID) instanceof String p
              && v.get(TASK_NUMBER) instanceof String t
              && v.get(YEAR) instanceof Number y) {
            keyOfRound.put(
                id,
                ProcessKeys.businessKey(p, t, y.intValue(), ReportPeriod.ofRound(v.get(PERIOD))));
          }
        });
    if (filter.year() != null) {
      keyOfRound.values().removeIf(key -> !filter.year().equals(ProcessKeys.yearOf(key)));
    }
    Map<String, List<String>> proposals =
        proposals(plans, new java.util.HashSet<>(keyOfRound.values()));
    Map<String, String> handlers =
        people.of(open.stream().map(r -> r.task().getAssignee()).toList());
    List<LedgerRow> rows = new ArrayList<>();
    for (OpenReport r : open) {
      Map<String, Object> v = roundVars.getOrDefault(r.roundId(), Map.of());
      String planId = (String) v.get(PLAN_ID);
      String taskNumber = (String) v.get(TASK_NUMBER);
      if (planId == null || taskNumber == null) {
        continue;
      }
      String key = ProcessKeys.round(planId, taskNumber);
      PlanCatalog plan = planOfKey.get(key);
      TaskEntry task = taskOfKey.get(key);
      if (plan == null || task == null) {
        continue;
      }
      String roundKey = keyOfRound.get(r.roundId());
      if (roundKey == null) {
        continue; // another year's round that the pattern matched, or a round without its year
      }
      int year = ((Number) v.get(YEAR)).intValue();
      ReportPeriod period = ProcessKeys.periodOf(roundKey);
      String assignee = r.task().getAssignee();
      rows.add(
          new LedgerRow(
              plan.id(),
              plan.plan().title(),
              task.number(),
              task.title(),
              year,
              period == ReportPeriod.YEAR ? null : period.name(),
              period == ReportPeriod.YEAR ? null : period.title(year),
              r.unit(),
              RoundUnits.nameOf(plan, r.unit()),
              assignee,
              assignee == null ? "" : handlers.get(assignee),
              times.day(r.due()),
              daysOverdue(r.due()),
              r.warningLevel() == null ? "" : Rung.values()[r.warningLevel()].actionName,
              String.join("、", proposals.getOrDefault(roundKey + "|" + r.unit(), List.of())),
              r.roundId(),
              r.task().getId()));
    }
    rows.sort(filter.order());
    return rows;
  }

  /** round key|unit → the sanctions proposed for the unit that wait for the office. */
  private Map<String, List<String>> proposals(List<PlanCatalog> all, Set<String> roundKeys) {
    List<PlanCatalog> plans = withReadableNotices(all, READ_HISTORY);
    if (plans.isEmpty() || roundKeys.isEmpty()) {
      return Map.of();
    }
    // the notices of the ledger's rounds only (a notice's business key is its round's)
    List<VariableTables.Instance> waiting =
        variables.running(
            plans.stream().map(p -> ProcessKeys.notice(p.id())).toList(),
            roundKeys,
            NoticeVariables.STATUS,
            NoticeStatus.PROPOSED.name(),
            List.of(NoticeVariables.UNIT, NoticeVariables.TYPE));
    Map<String, List<String>> proposals = new HashMap<>();
    for (VariableTables.Instance notice : waiting) {
      Map<String, Object> v = notice.variables();
      if (v.get(NoticeVariables.TYPE) instanceof String type) {
        proposals
            .computeIfAbsent(
                notice.businessKey() + "|" + v.get(NoticeVariables.UNIT), k -> new ArrayList<>())
            .add(NoticeType.valueOf(type).label + "(" + NoticeStatus.PROPOSED.label + ")");
      }
    }
    return proposals;
  }

  // ---------------------------------------------------------------- register

  public List<RegisterRow> notices(NoticeFilter filter) {
    List<PlanCatalog> plans = access.plans(filter.plan());
    return inOneCommand(() -> notices(plans, filter));
  }

  private List<RegisterRow> notices(List<PlanCatalog> plans, NoticeFilter filter) {
    Map<String, PlanCatalog> planOf = new HashMap<>();
    plans.forEach(p -> planOf.put(p.id(), p));
    List<NoticeRecord> records =
        notices.of(withReadableNotices(plans, READ_HISTORY), filter.year()).stream()
            .filter(n -> blank(filter.unit()) || filter.unit().equals(n.unit()))
            .filter(n -> blank(filter.type()) || filter.type().equals(n.type().name()))
            .filter(n -> blank(filter.status()) || filter.status().equals(n.status().name()))
            .sorted(
                Comparator.comparing(
                        NoticeRecord::date, Comparator.nullsLast(Comparator.naturalOrder()))
                    .reversed())
            .toList();
    Map<String, String> deciders =
        people.of(records.stream().map(NoticeRecord::decidedBy).toList());
    return records.stream()
        .map(
            n ->
                new RegisterRow(
                    n.id(),
                    n.planId(),
                    times.minute(n.date()),
                    n.type().name(),
                    n.type().label,
                    n.type().colour,
                    n.status().name(),
                    n.status().label,
                    n.unit(),
                    n.unitName(),
                    n.handlerName() == null ? "" : n.handlerName(),
                    n.roundTitle(),
                    n.year(),
                    n.reason(),
                    issuedBy(n, planOf.get(n.planId()), deciders),
                    n.roundInstanceId(),
                    n.printable()))
        .toList();
  }

  /** The notice behind a printable document, if the caller may read it; else unknown. */
  public NoticeRecord printableNotice(String noticeId) {
    List<PlanCatalog> plans = access.plans();
    NoticeRecord notice =
        inOneCommand(() -> notices.one(withReadableNotices(plans, READ_HISTORY), noticeId));
    if (notice == null || !notice.printable()) {
      throw new UnknownPlanException("没有可打印的通报「" + noticeId + "」");
    }
    return notice;
  }

  public PlanCatalog planOf(NoticeRecord notice) {
    return access.plan(notice.planId());
  }

  /** Who issued it: the system for reminders and commendations, the office's person otherwise. */
  String issuedBy(NoticeRecord n, PlanCatalog plan, Map<String, String> deciders) {
    String office = plan == null ? n.supervisorGroup() : plan.plan().coordinatingOffice().name();
    if (!n.type().officeDecides) {
      return office + "(系统按督办规则自动发出)";
    }
    if (n.status() == NoticeStatus.PROPOSED) {
      return "系统拟定,待" + office + "签发";
    }
    String person = n.decidedBy() == null ? null : deciders.get(n.decidedBy());
    return office + (person == null ? "" : " " + person);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
