package org.duban.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads named variables of many process instances of given definitions in one statement, straight
 * from the engine's tables: the engine's variable queries select every column of every row
 * distinct, over a list of instance ids found by a query before, which at 10,000 open tasks costs
 * the supervisors' views most of their time (bench/oversight.sh). Only simple values are read
 * (strings, numbers, booleans, dates); the caller has decided, with the engine, that it may read
 * these definitions. Every value is a bind parameter.
 */
@Component
class VariableTables {

  /** One process instance: its business key and the variables asked for that it holds. */
  record Instance(String id, String businessKey, Map<String, Object> variables) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final String prefix;

  VariableTables(DataSource dataSource, ProcessEngine engine) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.prefix =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDatabaseTablePrefix();
  }

  /**
   * The instances (running or ended) of the definitions whose business key is one of {@code
   * businessKeys} (all, where null) and names {@code year} (any, where null: a round's key ends in
   * the year, or the year and a reporting period, 2025-H1), with the variables of {@code names} as
   * history keeps them.
   */
  List<Instance> historic(
      Collection<String> definitionKeys,
      Collection<String> businessKeys,
      Integer year,
      Collection<String> names) {
    if (definitionKeys.isEmpty() || businessKeys != null && businessKeys.isEmpty()) {
      return List.of();
    }
    StringBuilder sql =
        new StringBuilder(
            "select P.PROC_INST_ID_ INSTANCE_, P.BUSINESS_KEY_ BUSINESS_KEY_, V.NAME_ NAME_,"
                + " V.VAR_TYPE_ TYPE_, V.TEXT_ TEXT_, V.LONG_ LONG_, V.DOUBLE_ DOUBLE_ from "
                + prefix
                + "ACT_HI_PROCINST P left join "
                + prefix
                + "ACT_HI_VARINST V on V.PROC_INST_ID_ = P.PROC_INST_ID_ and V.NAME_ in (:names)"
                + " and (V.STATE_ is null or V.STATE_ <> 'DELETED')"
                + " where P.PROC_DEF_KEY_ in (:definitions)");
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("names", names)
            .addValue("definitions", definitionKeys);
    if (year != null) {
      sql.append(" and (P.BUSINESS_KEY_ like :year or P.BUSINESS_KEY_ like :yearPeriod)");
      params.addValue("year", "%/" + year).addValue("yearPeriod", "%/" + year + "-%");
    }
    if (businessKeys == null) {
      return read(sql.toString(), params);
    }
    sql.append(" and P.BUSINESS_KEY_ in (:keys)");
    List<Instance> found = new ArrayList<>();
    for (List<String> slice : Batches.slices(businessKeys)) {
      found.addAll(read(sql.toString(), params.addValue("keys", slice)));
    }
    return found;
  }

  /**
   * The running instances of the definitions whose business key is one of {@code businessKeys} and
   * whose process variable {@code name} holds the string {@code value}, with their variables of
   * {@code names}.
   */
  List<Instance> running(
      Collection<String> definitionKeys,
      Collection<String> businessKeys,
      String name,
      String value,
      Collection<String> names) {
    if (definitionKeys.isEmpty() || businessKeys.isEmpty()) {
      return List.of();
    }
    String sql =
        "select E.PROC_INST_ID_ INSTANCE_, E.BUSINESS_KEY_ BUSINESS_KEY_, V.NAME_ NAME_,"
            + " V.TYPE_ TYPE_, V.TEXT_ TEXT_, V.LONG_ LONG_, V.DOUBLE_ DOUBLE_ from "
            + prefix
            + "ACT_RU_EXECUTION E join "
            + prefix
            + "ACT_RE_PROCDEF D on D.ID_ = E.PROC_DEF_ID_ join "
            + prefix
            + "ACT_RU_VARIABLE S on S.EXECUTION_ID_ = E.ID_ and S.TASK_ID_ is null"
            + " and S.NAME_ = :name and S.TEXT_ = :value left join "
            + prefix
            + "ACT_RU_VARIABLE V on V.EXECUTION_ID_ = E.ID_ and V.TASK_ID_ is null"
            + " and V.NAME_ in (:names)"
            + " where E.PARENT_ID_ is null and D.KEY_ in (:definitions)"
            + " and E.BUSINESS_KEY_ in (:keys)";
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("name", name)
            .addValue("value", value)
            .addValue("names", names)
            .addValue("definitions", definitionKeys);
    List<Instance> found = new ArrayList<>();
    for (List<String> slice : Batches.slices(businessKeys)) {
      found.addAll(read(sql, params.addValue("keys", slice)));
    }
    return found;
  }

  private List<Instance> read(String sql, MapSqlParameterSource params) {
    Map<String, Instance> instances = new LinkedHashMap<>();
    jdbc.query(
        sql,
        params,
        row -> {
          String id = row.getString("INSTANCE_");
          String businessKey = row.getString("BUSINESS_KEY_");
          Instance instance =
              instances.computeIfAbsent(id, i -> new Instance(i, businessKey, new HashMap<>()));
          String name = row.getString("NAME_");
          if (name != null) {
            instance.variables().put(name, value(row, name));
          }
        });
    return List.copyOf(instances.values());
  }

  /** A simple value as the engine stored it (see its ValueType serializers). */
  private static Object value(ResultSet row, String name) throws SQLException {
    String type = row.getString("TYPE_");
    long number = row.getLong("LONG_");
    boolean noNumber = row.wasNull();
    return switch (type == null ? "null" : type) {
      case "null" -> null;
      case "string" -> row.getString("TEXT_");
      case "date" -> noNumber ? null : new Date(number);
      case "integer" -> noNumber ? null : (int) number;
      case "short" -> noNumber ? null : (short) number;
      case "long" -> noNumber ? null : number;
      case "boolean" -> noNumber ? null : number == 1;
      case "double" -> {
        double d = row.getDouble("DOUBLE_");
        yield row.wasNull() ? null : d;
      }
      default ->
          throw new IllegalStateException(
              "variable " + name + " holds a value of type " + type + ", not read here");
    };
  }
}
