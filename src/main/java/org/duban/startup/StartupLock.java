package org.duban.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One node at a time starts on a shared PostgreSQL database: from before the engine creates or
 * updates its schema until the plans are deployed and identity is seeded ({@link StartupSequence}),
 * a node holds a session-level advisory lock. Without it, two nodes started at the same moment on
 * an empty database race in the engine's schema creation ({@code duplicate key value violates
 * unique constraint "pg_type_typname_nsp_index"}) and then in seeding the same authorizations. A
 * node that dies while holding the lock releases it with its connection. H2 is embedded in one
 * process, where there is nothing to lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: "duban" in ASCII, the same on every node. */
  static final long KEY = 0x647562616EL;

  private final DataSource dataSource;
  private Connection held;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long start = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
      long waited = (System.nanoTime() - start) / 1_000_000;
      if (waited > 1_000) {
        log.info("Waited {} ms for another node to finish starting", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the start-up lock on the database", e);
    }
  }

  /** Lets the next node start: called once this node's start-up work is done, or failed. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held;
        Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // closing the connection ends the session, and the lock with it
      log.warn("Releasing the start-up lock failed; it ends with its connection", e);
    } finally {
      held = null;
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
