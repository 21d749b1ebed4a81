package org.duban.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.round.RoundFixture.PLAN;
import static org.duban.round.RoundFixture.SUPERVISOR;
import static org.duban.round.RoundFixture.at;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The board and the ledger cost the same number of SQL statements for one round as for many: every
 * lookup is batched, none runs per task. Counted from MyBatis' and JdbcTemplate's statement logs.
 * (How long the statements take with 10,000 open tasks on PostgreSQL is the benchmark's to
 * measure.)
 */
@SpringBootTest
@ActiveProfiles("test")
class OversightQueryCountTest {

  /** MyBatis logs each statement it prepares at DEBUG under its mapper's namespace. */
  static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";

  /** Spring's JdbcTemplate logs each statement of {@link VariableTables} at DEBUG. */
  static final String JDBC = "org.springframework.jdbc.core.JdbcTemplate";

  @Autowired ProcessEngine engine;
  @Autowired OversightQueries queries;
  @Autowired IdentityService identity;
  RoundFixture rounds;

  @BeforeEach
  void clear() {
    rounds = new RoundFixture(engine);
    rounds.clear();
    ClockUtil.setCurrentTime(at(2025, 1, 2));
  }

  @AfterEach
  void reset() {
    identity.clearAuthentication();
    rounds.clear();
  }

  @Test
  void shouldNotQueryPerTask() {
    start("一.4-展会");
    ClockUtil.setCurrentTime(at(2025, 12, 11));
    // the first call asks the engine for the caller's definitions (ReadableDefinitions), once
    long firstLedger = statements(() -> queries.overdue(OverdueFilter.all()));
    long ledgerOfOne = statements(() -> queries.overdue(OverdueFilter.all()));
    assertThat(ledgerOfOne).as("later calls reuse the engine's answer").isLessThan(firstLedger);
    statements(() -> queries.board(PLAN, 2025));
    long boardOfOne = statements(() -> queries.board(PLAN, 2025));

    ClockUtil.setCurrentTime(at(2025, 1, 2));
    for (String task : List.of("一.1", "一.2", "一.3", "一.5", "二.1", "二.2", "二.3")) {
      start(task);
    }
    ClockUtil.setCurrentTime(at(2025, 12, 11));
    identity.setAuthentication(SUPERVISOR, List.of(SUPERVISOR));
    int open = queries.overdue(OverdueFilter.all()).size();
    identity.clearAuthentication();
    assertThat(open).as("many more overdue tasks").isGreaterThan(8 + 10);
    assertThat(statements(() -> queries.overdue(OverdueFilter.all())))
        .as("the ledger's statements for %d tasks", open)
        .isEqualTo(ledgerOfOne);
    assertThat(statements(() -> queries.board(PLAN, 2025))).isEqualTo(boardOfOne);
    System.out.printf(
        "oversight: ledger %d SQL statements, board %d, for 1 round and for 8 (%d overdue tasks)%n",
        ledgerOfOne, boardOfOne, open);
  }

  private void start(String taskNumber) {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            ProcessKeys.round(PLAN, taskNumber), Map.of(RoundVariables.YEAR, 2025));
  }

  /** The SQL statements one call prepares, as the supervisor: the engine's and our own. */
  private long statements(Supplier<?> call) {
    List<Logger> loggers =
        List.of((Logger) LoggerFactory.getLogger(MAPPERS), (Logger) LoggerFactory.getLogger(JDBC));
    List<Level> before = loggers.stream().map(Logger::getLevel).toList();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    for (Logger logger : loggers) {
      logger.addAppender(log);
      logger.setLevel(Level.DEBUG);
    }
    identity.setAuthentication(SUPERVISOR, List.of(SUPERVISOR));
    try {
      Object result = call.get();
      assertThat(result).isNotNull();
    } finally {
      identity.clearAuthentication();
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).setLevel(before.get(i));
        loggers.get(i).detachAppender(log);
      }
    }
    List<String> prepared =
        log.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .filter(m -> m.startsWith("==>  Preparing") || m.startsWith("Executing prepared SQL"))
            .toList();
    assertThat(prepared).as("the statement log is read").isNotEmpty();
    assertThat(prepared)
        .as("the views' own statements are counted too")
        .anyMatch(m -> m.startsWith("Executing prepared SQL"));
    return prepared.size();
  }
}
