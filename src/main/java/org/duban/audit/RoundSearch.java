package org.duban.audit;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.documents.LocalTimes;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.oversight.ReadableDefinitions;
import org.duban.round.RoundUnits;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds rounds in history with the caller's own authorizations: an office finds its plan's rounds,
 * an auditor every plan's, a unit none. One page at a time, newest first: plan, task, year, unit,
 * state and outcome are all narrowed in the database, within the round definitions the caller may
 * read history of ({@link ReadableDefinitions}), so an old round is found however many newer ones
 * there are; the page's rounds are then read through the engine, with its own checks.
 */
@Component
public class RoundSearch {

  /** At most this many rounds make one page. */
  public static final int MAX_ROUNDS = 2000;

  /** A page when the caller names no size. */
  public static final int PAGE = 100;

  private static final String[] SUMMARY_VARIABLES = {
    RoundVariables.PLAN_ID,
    RoundVariables.TASK_NUMBER,
    RoundVariables.YEAR,
    RoundVariables.ROUND_TITLE,
    RoundVariables.LEAD_UNIT,
    RoundVariables.LEAD_UNIT_NAME,
    RoundVariables.CO_UNITS,
    RoundVariables.OUTCOME
  };

  private final HistoryService history;
  private final LocalTimes times;
  private final PlanCatalogs catalogs;
  private final ReadableDefinitions readable;
  private final NamedParameterJdbcTemplate jdbc;
  private final String prefix;

  public RoundSearch(
      HistoryService history,
      LocalTimes times,
      PlanCatalogs catalogs,
      ReadableDefinitions readable,
      DataSource dataSource,
      ProcessEngine engine) {
    this.history = history;
    this.times = times;
    this.catalogs = catalogs;
    this.readable = readable;
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.prefix =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDatabaseTablePrefix();
  }

  /** The first {@value #PAGE} rounds the filter finds. */
  public List<RoundSummary> find(RoundFilter filter) {
    return find(filter, 0, PAGE);
  }

  /**
   * The rounds the filter finds from the {@code first} (0-based), newest first, at most {@code max}
   * ({@value #MAX_ROUNDS} at most).
   */
  public List<RoundSummary> find(RoundFilter filter, int first, int max) {
    if (first < 0 || max < 1 || max > MAX_ROUNDS) {
      throw new IllegalArgumentException("分页参数有误:first 不小于 0,max 为 1–" + MAX_ROUNDS);
    }
    Set<String> keys = readable.of(READ_HISTORY, roundKeys(filter));
    if (keys.isEmpty()) {
      return List.of();
    }
    List<String> ids = page(filter, keys, first, max);
    if (ids.isEmpty()) {
      return List.of();
    }
    // through the engine: its authorization check is the last word on every round shown
    Map<String, HistoricProcessInstance> byId = new HashMap<>();
    history
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(new HashSet<>(ids))
        .list()
        .forEach(p -> byId.put(p.getId(), p));
    List<HistoricProcessInstance> rounds =
        ids.stream()
            .map(byId::get)
            .filter(p -> p != null && filter.matchesKey(p.getBusinessKey()) && isRound(p))
            .toList();
    Map<String, Map<String, Object>> variables = variables(rounds);
    List<RoundSummary> found = new ArrayList<>();
    for (HistoricProcessInstance round : rounds) {
      Map<String, Object> values = variables.getOrDefault(round.getId(), Map.of());
      if (filter.unit() == null || hasUnit(values, filter.unit())) {
        found.add(summary(round, values));
      }
    }
    return found;
  }

  /** The round definitions of the filter's plan and task (all plans', all tasks', where none). */
  private List<String> roundKeys(RoundFilter filter) {
    List<String> keys = new ArrayList<>();
    for (PlanCatalog plan : catalogs.all()) {
      if (filter.plan() != null && !filter.plan().equals(plan.id())) {
        continue;
      }
      for (TaskEntry task : plan.tasks()) {
        if (filter.task() == null || filter.task().equals(task.number())) {
          keys.add(ProcessKeys.round(plan.id(), task.number()));
        }
      }
    }
    return keys;
  }

  /**
   * One page of round ids, newest first, from the history table itself: the definitions, the
   * business key's pattern, the state, and the round's own outcome and units as the round (not a
   * stage) holds them.
   */
  private List<String> page(RoundFilter filter, Set<String> keys, int first, int max) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    StringBuilder sql =
        new StringBuilder("select P.ID_ from ")
            .append(prefix)
            .append("ACT_HI_PROCINST P where P.PROC_DEF_KEY_ in (:keys)");
    params.addValue("keys", keys);
    String pattern = filter.keyPattern();
    if (!pattern.equals("%/%/%")) {
      sql.append(" and P.BUSINESS_KEY_ like :pattern");
      params.addValue("pattern", pattern);
    }
    if (RoundFilter.RUNNING.equals(filter.state())) {
      sql.append(" and P.END_TIME_ is null");
    } else if (RoundFilter.FINISHED.equals(filter.state())) {
      sql.append(" and P.END_TIME_ is not null");
    }
    if (filter.outcome() != null) {
      sql.append(roundVariable("V.NAME_ = :outcomeName and V.TEXT_ = :outcome"));
      params.addValue("outcomeName", RoundVariables.OUTCOME);
      params.addValue("outcome", filter.outcome());
    }
    if (filter.unit() != null) {
      // the lead, or one of the comma-separated co-units
      sql.append(
          roundVariable(
              "(V.NAME_ = :leadName and V.TEXT_ = :unit) or (V.NAME_ = :coName and (V.TEXT_ ="
                  + " :unit or V.TEXT_ like :unitFirst or V.TEXT_ like :unitLast or V.TEXT_ like"
                  + " :unitAmong))"));
      params.addValue("leadName", RoundVariables.LEAD_UNIT);
      params.addValue("coName", RoundVariables.CO_UNITS);
      params.addValue("unit", filter.unit());
      params.addValue("unitFirst", filter.unit() + ",%");
      params.addValue("unitLast", "%," + filter.unit());
      params.addValue("unitAmong", "%," + filter.unit() + ",%");
    }
    sql.append(" order by P.START_TIME_ desc, P.ID_ desc");
    sql.append(" limit :max offset :first");
    params.addValue("max", max);
    params.addValue("first", first);
    return jdbc.queryForList(sql.toString(), params, String.class);
  }

  private String roundVariable(String condition) {
    return " and exists (select 1 from "
        + prefix
        + "ACT_HI_VARINST V where V.PROC_INST_ID_ = P.ID_ and V.ACT_INST_ID_ = P.ID_ and ("
        + condition
        + "))";
  }

  /** The round with this id, if the caller may read its history. */
  public Optional<RoundSummary> one(String processInstanceId) {
    HistoricProcessInstance round =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (round == null || !isRound(round)) {
      return Optional.empty();
    }
    return Optional.of(
        summary(round, variables(List.of(round)).getOrDefault(round.getId(), Map.of())));
  }

  /**
   * A notice or evaluation shares the plan's key space; a round runs the process of its own plan
   * and task, the one rule {@link ProcessKeys#round} names.
   */
  static boolean isRound(HistoricProcessInstance instance) {
    String key = instance.getBusinessKey();
    if (key == null) {
      return false;
    }
    String[] parts = key.split("/");
    return parts.length == 3
        && ProcessKeys.round(parts[0], parts[1]).equals(instance.getProcessDefinitionKey());
  }

  private static boolean hasUnit(Map<String, Object> values, String unit) {
    return unit.equals(values.get(RoundVariables.LEAD_UNIT))
        || RoundUnits.split((String) values.get(RoundVariables.CO_UNITS)).contains(unit);
  }

  /** The round-level values the summaries show, for all rounds in one query per 500. */
  private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> rounds) {
    Map<String, Map<String, Object>> byRound = new HashMap<>();
    for (int from = 0; from < rounds.size(); from += 500) {
      String[] ids =
          rounds.subList(from, Math.min(rounds.size(), from + 500)).stream()
              .map(HistoricProcessInstance::getId)
              .toArray(String[]::new);
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids)
              .variableNameIn(SUMMARY_VARIABLES)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        // only the round's own scope: a stage has variables of its own
        if (v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
          byRound
              .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
              .put(v.getName(), v.getValue());
        }
      }
    }
    return byRound;
  }

  private RoundSummary summary(HistoricProcessInstance round, Map<String, Object> values) {
    String[] key = round.getBusinessKey().split("/");
    String outcome = (String) values.get(RoundVariables.OUTCOME);
    Object year = values.get(RoundVariables.YEAR);
    return new RoundSummary(
        round.getId(),
        round.getBusinessKey(),
        text(values.get(RoundVariables.PLAN_ID), key[0]),
        text(values.get(RoundVariables.TASK_NUMBER), key[1]),
        year instanceof Number n ? n.intValue() : ProcessKeys.yearOf(round.getBusinessKey()),
        (String) values.get(RoundVariables.ROUND_TITLE),
        (String) values.get(RoundVariables.LEAD_UNIT),
        (String) values.get(RoundVariables.LEAD_UNIT_NAME),
        round.getState(),
        AuditLabels.state(round.getState()),
        outcome,
        outcome == null ? (round.getEndTime() == null ? "办理中" : "") : AuditLabels.outcome(outcome),
        times.minute(round.getStartTime()),
        times.minute(round.getEndTime()));
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : value.toString();
  }
}
