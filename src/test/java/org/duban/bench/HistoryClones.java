package org.duban.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duban.catalog.ReportPeriod;
import org.duban.names.ProcessKeys;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Years of finished rounds without running them: a few real rounds worked through the engine (the
 * seeds) are copied in SQL, every history row of each seed's round, notices and deliveries (and the
 * byte arrays their variables and job logs point to) once per clone, with ids suffixed by the
 * clone's number, the clone's plan, task, year and period in its business key, variables and
 * process definitions, and its times moved by whole years. So the engine's own history queries and
 * the audit views read a clone as they read its seed. PostgreSQL only.
 */
final class HistoryClones {

  /** The clone's plan, task and period: key and definitions follow from them. */
  record Clone(int n, int seed, int plan, int task, int year, ReportPeriod period) {}

  /** A round worked through the engine whose rows the clones copy. */
  record Seed(String businessKey, String planId, String taskNumber, int year) {}

  /** Columns ending in ID_ that name a definition, a person or a group, not a copied row. */
  private static final Set<String> SHARED_IDS =
      Set.of(
          "PROC_DEF_ID_",
          "PROCESS_DEF_ID_",
          "DEPLOYMENT_ID_",
          "JOB_DEF_ID_",
          "TENANT_ID_",
          "USER_ID_",
          "GROUP_ID_",
          "CASE_DEF_ID_",
          "DEC_DEF_ID_",
          "DEC_REQ_ID_",
          "ACT_ID_",
          "ACTIVITY_ID_",
          "FAILED_ACT_ID_",
          "FAILED_ACTIVITY_ID_",
          "START_ACT_ID_",
          "END_ACT_ID_",
          "BATCH_ID_");

  /** Text columns that may hold a plan, office or unit id, or the round's key. */
  private static final Set<String> TEXTS =
      Set.of(
          "BUSINESS_KEY_",
          "TEXT_",
          "TEXT2_",
          "GROUP_ID_",
          "USER_ID_",
          "ASSIGNEE_",
          "OWNER_",
          "ORG_VALUE_",
          "NEW_VALUE_",
          "NAME_",
          "DESCRIPTION_",
          "DELETE_REASON_");

  private final JdbcTemplate jdbc;
  private final List<BenchPlan> plans;

  HistoryClones(JdbcTemplate jdbc, List<BenchPlan> plans) {
    this.jdbc = jdbc;
    this.plans = plans;
  }

  /**
   * Every plan × task × year × quarter (Q1, Q2, Q3, the year) but the seeds' own, shuffled so that
   * any first {@code count} spread over all plans and years.
   */
  List<Clone> plan(int count, List<Seed> seeds) {
    List<ReportPeriod> quarters =
        List.of(ReportPeriod.Q1, ReportPeriod.Q2, ReportPeriod.Q3, ReportPeriod.YEAR);
    Set<String> own = new java.util.HashSet<>();
    seeds.forEach(s -> own.add(s.businessKey()));
    List<int[]> all = new ArrayList<>();
    for (int p = 0; p < plans.size(); p++) {
      BenchPlan plan = plans.get(p);
      for (int t = 1; t <= plan.tasks(); t++) {
        for (int y = plan.fromYear(); y <= plan.toYear(); y++) {
          for (int q = 0; q < quarters.size(); q++) {
            String key = ProcessKeys.businessKey(plan.id(), "一." + t, y, quarters.get(q));
            if (!own.contains(key)) {
              all.add(new int[] {p, t, y, q});
            }
          }
        }
      }
    }
    java.util.Collections.shuffle(all, new Random(11));
    List<Clone> clones = new ArrayList<>();
    for (int i = 0; i < Math.min(count, all.size()); i++) {
      int[] c = all.get(i);
      clones.add(new Clone(i + 1, i % seeds.size(), c[0], c[1], c[2], quarters.get(c[3])));
    }
    return clones;
  }

  /** Copies the seeds' rows once per clone; returns the number of rows written. */
  long copy(List<Seed> seeds, List<Clone> clones) throws Exception {
    setUp(seeds, clones);
    long rows = 0;
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.columns where table_schema ="
                + " current_schema() and column_name = 'root_proc_inst_id_' and (table_name like"
                + " 'act_hi_%' or table_name = 'act_ge_bytearray')"
                // the rounds and their variables first: what the search reads
                + " order by table_name <> 'act_hi_procinst', table_name <> 'act_hi_varinst',"
                + " table_name",
            String.class);
    // copies of an earlier, interrupted run: their roots are a UUID and a number
    for (String table : tables) {
      jdbc.update("delete from " + table + " where length(ROOT_PROC_INST_ID_) > 36");
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String table : tables) {
        String insert = insertOf(table);
        long before = System.nanoTime();
        // a bulk load: the table's indexes (but its key) dropped, then built again once
        List<Map<String, Object>> indexes =
            jdbc.queryForList(
                "select indexname, indexdef from pg_indexes where schemaname = current_schema()"
                    + " and tablename = ? and indexname not in (select conname from pg_constraint)",
                table);
        for (Map<String, Object> index : indexes) {
          jdbc.execute("drop index " + index.get("indexname"));
        }
        List<Future<Integer>> parts = new ArrayList<>();
        int step = 5000;
        for (int from = 1; from <= clones.size(); from += step) {
          int lo = from;
          int hi = Math.min(clones.size(), from + step - 1);
          parts.add(pool.submit(() -> jdbc.update(insert, lo, hi)));
        }
        long written = 0;
        for (Future<Integer> f : parts) {
          written += f.get();
        }
        for (Map<String, Object> index : indexes) {
          jdbc.execute((String) index.get("indexdef"));
        }
        rows += written;
        System.out.printf(
            "cloned %-22s %,11d rows in %6.1f s%n",
            table, written, (System.nanoTime() - before) / 1e9);
      }
    } finally {
      pool.shutdown();
    }
    jdbc.execute("analyze");
    jdbc.execute("create table bench_loaded (rounds int)");
    jdbc.update("insert into bench_loaded values (?)", clones.size());
    return rows;
  }

  /** The rounds a finished copy wrote, or 0. */
  long loaded() {
    Integer found =
        jdbc.queryForObject(
            "select count(*) from information_schema.tables where table_name = 'bench_loaded'",
            Integer.class);
    return found == 0 ? 0 : jdbc.queryForObject("select max(rounds) from bench_loaded", Long.class);
  }

  private void setUp(List<Seed> seeds, List<Clone> clones) {
    jdbc.execute("drop table if exists bench_seed_root, bench_clone, bench_defmap, bench_loaded");
    jdbc.execute("create table bench_seed_root (root varchar(64) primary key, seed int not null)");
    for (int s = 0; s < seeds.size(); s++) {
      // the round itself: its notices and deliveries (other processes under the round's key)
      // would multiply the rows by four, 100 million for 100,000 rounds
      jdbc.update(
          "insert into bench_seed_root select distinct root_proc_inst_id_, ? from act_hi_procinst"
              + " where business_key_ = ? and proc_def_key_ = ? on conflict do nothing",
          s,
          seeds.get(s).businessKey(),
          ProcessKeys.round(seeds.get(s).planId(), seeds.get(s).taskNumber()));
    }
    jdbc.execute(
        "create table bench_clone (n int primary key, seed int not null, plan int not null, task"
            + " int not null, year int not null, period text not null, new_key text not null,"
            + " plan_prefix text not null, unit_name_prefix text not null, task_number text not"
            + " null, seed_key text not null, seed_task text not null, shift interval not null)");
    List<Object[]> rows = new ArrayList<>();
    BenchPlan seedPlan = plans.get(0);
    for (Clone c : clones) {
      BenchPlan plan = plans.get(c.plan());
      Seed seed = seeds.get(c.seed());
      String task = "一." + c.task();
      rows.add(
          new Object[] {
            c.n(),
            c.seed(),
            c.plan(),
            c.task(),
            c.year(),
            c.period().code,
            ProcessKeys.businessKey(plan.id(), task, c.year(), c.period()),
            prefixOf(plan),
            plan.unitNamePrefix(),
            task,
            seed.businessKey(),
            seed.taskNumber(),
            // whole years, then quarters and tasks a few hours and minutes apart
            (c.year() - seed.year())
                + " years "
                + (c.period().ordinal() * 5)
                + " hours "
                + (c.task() % 240)
                + " minutes"
          });
    }
    jdbc.batchUpdate(
        "insert into bench_clone values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::interval)", rows);
    // the seeds' definitions (round, notices, deliveries) → the clone's plan's and task's
    jdbc.execute(
        "create table bench_defmap (seed_def_id varchar(64), plan int, task int, def_id"
            + " varchar(64), def_key varchar(255), primary key (seed_def_id, plan, task))");
    Map<String, String> latest = new HashMap<>();
    jdbc.query(
        "select key_, id_ from act_re_procdef d where version_ = (select max(version_) from"
            + " act_re_procdef e where e.key_ = d.key_)",
        rs -> {
          latest.put(rs.getString(1), rs.getString(2));
        });
    List<Object[]> map = new ArrayList<>();
    for (Map<String, Object> def :
        jdbc.queryForList(
            "select distinct proc_def_id_, proc_def_key_ from act_hi_procinst where"
                + " root_proc_inst_id_ in (select root from bench_seed_root)")) {
      String seedKey = (String) def.get("proc_def_key_");
      for (int p = 0; p < plans.size(); p++) {
        BenchPlan plan = plans.get(p);
        for (int t = 1; t <= plan.tasks(); t++) {
          String target = null;
          for (Seed seed : seeds) {
            if (seedKey.equals(ProcessKeys.round(seed.planId(), seed.taskNumber()))) {
              target = ProcessKeys.round(plan.id(), "一." + t);
            }
          }
          if (target == null) {
            target = plan.id() + seedKey.substring(seedPlan.id().length());
          }
          String id = latest.get(target);
          if (id == null) {
            throw new IllegalStateException("no definition " + target);
          }
          map.add(new Object[] {def.get("proc_def_id_"), p, t, id, target});
        }
      }
    }
    jdbc.batchUpdate("insert into bench_defmap values (?, ?, ?, ?, ?)", map);
    jdbc.execute("analyze bench_seed_root");
    jdbc.execute("analyze bench_clone");
    jdbc.execute("analyze bench_defmap");
  }

  /** "hist1-" of plan hist1-2016: the prefix of its id, its office's and its units'. */
  static String prefixOf(BenchPlan plan) {
    return plan.id().substring(0, plan.id().indexOf('-') + 1);
  }

  private String insertOf(String table) {
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "select column_name, data_type from information_schema.columns where table_schema ="
                + " current_schema() and table_name = ? order by ordinal_position",
            table);
    String seedPrefix = prefixOf(plans.get(0));
    String seedUnitNames = plans.get(0).unitNamePrefix();
    String defColumn = null;
    for (Map<String, Object> c : columns) {
      String name = ((String) c.get("column_name")).toUpperCase();
      if (name.equals("PROC_DEF_ID_") || name.equals("PROCESS_DEF_ID_")) {
        defColumn = name;
      }
    }
    boolean variables = table.equals("act_hi_varinst") || table.equals("act_hi_detail");
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Map<String, Object> c : columns) {
      String name = ((String) c.get("column_name")).toUpperCase();
      String type = (String) c.get("data_type");
      String col = "s." + name;
      String value;
      if (name.equals("PROC_DEF_ID_") || name.equals("PROCESS_DEF_ID_")) {
        value = "coalesce(m.def_id, " + col + ")";
      } else if (name.equals("PROC_DEF_KEY_") || name.equals("PROCESS_DEF_KEY_")) {
        value = "coalesce(m.def_key, " + col + ")";
      } else if (name.endsWith("ID_") && !SHARED_IDS.contains(name)) {
        // the last 50 characters keep the id's UUID (an activity instance's id is the activity's
        // id, a colon and a UUID), so the copy fits the column's 64 and is the same in every table
        value = "right(" + col + ", 50) || '-' || c.n";
      } else if (type.startsWith("timestamp")) {
        value = col + " + c.shift";
      } else if (variables && name.equals("LONG_")) {
        value = "case when s.NAME_ = 'year' then c.year else s.LONG_ end";
      } else if (variables && name.equals("TEXT_")) {
        value =
            "case when s.TEXT_ is null then null"
                + " when s.NAME_ = 'year' then c.year::text"
                + " when s.NAME_ = 'period' then c.period"
                + " when s.NAME_ = 'taskNumber' then c.task_number"
                + " else "
                + texts(
                    "replace(replace(s.TEXT_, c.seed_key, c.new_key), c.seed_task || ' ',"
                        + " c.task_number || ' ')",
                    seedPrefix,
                    seedUnitNames)
                + " end";
      } else if (TEXTS.contains(name) && type.contains("char")) {
        value = texts("replace(" + col + ", c.seed_key, c.new_key)", seedPrefix, seedUnitNames);
      } else {
        value = col;
      }
      names.add(name);
      values.add(value);
    }
    return "insert into "
        + table
        + " ("
        + String.join(", ", names)
        + ") select "
        + String.join(", ", values)
        + " from "
        + table
        + " s join bench_seed_root r on s.ROOT_PROC_INST_ID_ = r.root"
        + " join bench_clone c on c.seed = r.seed and c.n between ? and ?"
        + (defColumn == null
            ? ""
            : " left join bench_defmap m on m.seed_def_id = s."
                + defColumn
                + " and m.plan = c.plan and m.task = c.task");
  }

  private static String texts(String value, String seedPrefix, String seedUnitNames) {
    return "replace(replace("
        + value
        + ", '"
        + seedPrefix
        + "', c.plan_prefix), '"
        + seedUnitNames
        + "', c.unit_name_prefix)";
  }
}
