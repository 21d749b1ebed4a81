package org.duban.startup;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks for this application's load, created at start-up (under the
 * {@link StartupLock}) on H2 and PostgreSQL alike, and left alone when they exist.
 *
 * <ul>
 *   <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: the engine looks up sub-tasks on every task
 *       completion, which without an index scans all open tasks (issue: 182 → 624 µs per completion
 *       on PostgreSQL as open tasks grow).
 * </ul>
 */
@Component
public class EngineIndexes {

  record Index(String name, String table, String columns) {}

  static final List<Index> INDEXES =
      List.of(new Index("DUBAN_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"));

  private final JdbcTemplate jdbc;
  private final String prefix;

  public EngineIndexes(DataSource dataSource, ProcessEngine engine) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.prefix =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDatabaseTablePrefix();
  }

  public void create() {
    boolean postgres = isPostgres();
    for (Index index : INDEXES) {
      if (exists(index)) {
        continue;
      }
      // on PostgreSQL without blocking the other nodes' task writes while it is built (and even
      // "if not exists" would lock the table first): that needs autocommit, as a pool gives it
      jdbc.execute(
          "create index "
              + (postgres ? "concurrently " : "")
              + "if not exists "
              + index.name()
              + " on "
              + prefix
              + index.table()
              + " ("
              + index.columns()
              + ")");
    }
  }

  private boolean isPostgres() {
    return Boolean.TRUE.equals(
        jdbc.execute(
            (ConnectionCallback<Boolean>)
                connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
  }

  /** Asked of the JDBC driver's catalog, which takes no lock on the table. */
  private boolean exists(Index index) {
    return Boolean.TRUE.equals(
        jdbc.execute(
            (ConnectionCallback<Boolean>)
                connection -> {
                  DatabaseMetaData meta = connection.getMetaData();
                  String table = prefix + index.table();
                  // PostgreSQL folds unquoted names to lower case, H2 to upper case
                  for (String name : new String[] {table.toLowerCase(), table.toUpperCase()}) {
                    try (ResultSet found = meta.getIndexInfo(null, null, name, false, true)) {
                      while (found.next()) {
                        if (index.name().equalsIgnoreCase(found.getString("INDEX_NAME"))) {
                          return true;
                        }
                      }
                    }
                  }
                  return false;
                }));
  }
}
