package org.duban.startup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.duban.config.DubanProperties;
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
 * node that dies while holding the lock releases it with its connection (after a host crash, when
 * the server notices the connection is gone: hence a node waits at most {@code
 * duban.startup.lock-wait}, saying so every ten seconds). The lock is a session's, so the database
 * must be reached directly, not through a pooler in transaction mode. H2 is embedded in one
 * process, where there is nothing to lock.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: "duban" in ASCII, the same on every node. */
  static final long KEY = 0x647562616EL;

  private static final Duration WORD_EVERY = Duration.ofSeconds(10);

  private final DataSource dataSource;
  private final Duration lockWait;
  private Connection held;

  public StartupLock(DataSource dataSource, DubanProperties properties) {
    this.dataSource = dataSource;
    this.lockWait = properties.startup().lockWait();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      waitFor(connection);
      held = connection;
    } catch (SQLException | RuntimeException e) {
      close(connection);
      throw e instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException("cannot take the start-up lock on the database", e);
    }
  }

  /** Tries every second, says so every ten, and gives up after {@code duban.startup.lock-wait}. */
  private void waitFor(Connection connection) throws SQLException {
    long start = System.nanoTime();
    long giveUp = start + lockWait.toNanos();
    long nextWord = start + WORD_EVERY.toNanos();
    while (true) {
      try (Statement statement = connection.createStatement();
          ResultSet taken = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
        if (taken.next() && taken.getBoolean(1)) {
          return;
        }
      }
      long now = System.nanoTime();
      if (now > giveUp) {
        throw new IllegalStateException(
            "another node has been starting on this database for more than "
                + lockWait
                + " (start-up lock "
                + KEY
                + " in pg_locks); stop it, or raise duban.startup.lock-wait");
      }
      if (now > nextWord) {
        log.info(
            "Waiting {} s for another node to finish starting on this database",
            (now - start) / 1_000_000_000);
        nextWord = now + WORD_EVERY.toNanos();
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the start-up lock", e);
      }
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("closing the start-up lock's connection failed", e);
      }
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
