package org.duban.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.duban.names.RoundElements;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * History past its time to live leaves at night, a batch at a time, and the day's work goes on
 * between the batches: the finished rounds of 2021–2023 are removed in transactions of at most
 * {@code batch-size} rows of each table, while the round that finished last December and the one
 * still open keep every row, and a unit completes its task in the open one between two batches.
 * Nothing is removed outside the window. The clock is past both the start and the end of the old
 * rounds plus the time to live, and short of both for the recent ones, so this holds whether the
 * removal time counts from a round's start or its end.
 */
@SpringBootTest(
    properties = {
      "duban.history.time-to-live-days=500",
      "duban.history.cleanup.batch-size=2",
      "duban.history.cleanup.degree-of-parallelism=2",
      "duban.history.cleanup.window-start=01:00",
      "duban.history.cleanup.window-end=05:00"
    })
@ActiveProfiles("test")
@DirtiesContext
class HistoryCleanupTest {

  static final int BATCH = 2;

  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldTakeTheConfigurationInThePlansZone() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(BATCH);
    assertThat(configuration.getHistoryCleanupDegreeOfParallelism()).isEqualTo(2);
    assertThat(history.findHistoryCleanupJobs()).as("created at start-up").hasSize(2);
  }

  @Test
  void shouldRemoveExpiredRoundsInBatchesAtNightWhileTheDaysWorkGoesOn() {
    RoundFixture rounds = new RoundFixture(engine);
    List<String> old = new ArrayList<>();
    for (int year = 2021; year <= 2023; year++) {
      old.add(finish(rounds, year).getId());
    }
    String recent = finish(rounds, 2024).getId();
    ClockUtil.setCurrentTime(RoundFixture.at(2025, 1, 2));
    ProcessInstance open = rounds.start(2025);
    RoundFixture.runDueJobsOf(management, open);

    Map<String, Long> recentRows = rowsOf(recent);
    Map<String, Long> openRows = rowsOf(open.getId());
    assertThat(old.stream().mapToLong(id -> total(rowsOf(id))).sum()).isGreaterThan(100);
    // 2025-05-02 is past the end (2023-12-01) and the start of the round of 2023 plus 500 days,
    // short of both for the round of 2024 (started 2024-01-02) and the open one

    // by day, outside the window: nothing goes, and the jobs wait for the night
    ClockUtil.setCurrentTime(RoundFixture.at(LocalDateTime.of(2025, 5, 1, 12, 0)));
    Map<String, Long> before = rows();
    for (Job job : history.findHistoryCleanupJobs()) {
      management.executeJob(job.getId());
    }
    assertThat(rows()).isEqualTo(before);
    assertThat(history.findHistoryCleanupJobs())
        .allSatisfy(
            job ->
                assertThat(job.getDuedate())
                    .isEqualTo(RoundFixture.at(LocalDateTime.of(2025, 5, 2, 1, 0))));

    // at night: batch after batch, none larger than the batch size in any table
    ClockUtil.setCurrentTime(RoundFixture.at(LocalDateTime.of(2025, 5, 2, 2, 0)));
    int executions = 0;
    List<Long> oldRoundsLeft = new ArrayList<>();
    boolean worked = false;
    for (boolean removed = true; removed; ) {
      removed = false;
      for (Job job : history.findHistoryCleanupJobs()) {
        Map<String, Long> ahead = rows();
        management.executeJob(job.getId());
        executions++;
        Map<String, Long> after = rows();
        for (String table : after.keySet()) {
          long gone = ahead.get(table) - after.get(table);
          assertThat(gone)
              .as("%s rows removed by one cleanup transaction", table)
              .isLessThanOrEqualTo(BATCH);
          removed |= gone > 0;
        }
        oldRoundsLeft.add(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(old))
                .count());
      }
      if (!worked) {
        // between two batches a unit completes its task in the open round
        rounds.submit(open, RoundElements.CO_UNIT, RoundFixture.POLICE);
        RoundFixture.runDueJobsOf(management, open);
        worked = true;
      }
      assertThat(executions).as("cleanup executions").isLessThan(10_000);
    }

    assertThat(oldRoundsLeft.get(0))
        .as("old rounds left after the first batch of %d", BATCH)
        .isPositive();
    assertThat(oldRoundsLeft).as("old rounds left after each batch").endsWith(0L);
    assertThat(executions).isGreaterThan(2);
    for (String id : old) {
      assertThat(total(rowsOf(id))).as("rows left of old round %s", id).isZero();
    }
    assertThat(rowsOf(recent)).as("the round finished this year").isEqualTo(recentRows);
    Map<String, Long> openNow = rowsOf(open.getId());
    openRows.forEach(
        (table, count) -> assertThat(openNow.get(table)).as(table).isGreaterThanOrEqualTo(count));
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(open.getId())
                .taskDefinitionKey(RoundElements.reportTask(RoundElements.CO_UNIT))
                .finished()
                .count())
        .as("the unit's report, filed between batches, is in history")
        .isEqualTo(1);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(open.getId())
                .count())
        .isEqualTo(1);
  }

  /** One trade-fair round of that year worked through: every unit reports, the office accepts. */
  private ProcessInstance finish(RoundFixture rounds, int year) {
    ClockUtil.setCurrentTime(RoundFixture.at(year, 1, 2));
    ProcessInstance round = rounds.start(year);
    RoundFixture.runDueJobsOf(management, round);
    ClockUtil.setCurrentTime(RoundFixture.at(year, 11, 20));
    rounds.allUnitsReport(round);
    ClockUtil.setCurrentTime(RoundFixture.at(year, 12, 1));
    rounds.review(round, "ACCEPT", "GOOD", null);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(round.getId())
                .singleResult()
                .getEndTime())
        .as("round of %d ended", year)
        .isNotNull();
    return round;
  }

  private List<String> tables() {
    return jdbc.queryForList(
        "select TABLE_NAME from INFORMATION_SCHEMA.COLUMNS where COLUMN_NAME ="
            + " 'ROOT_PROC_INST_ID_' and (TABLE_NAME like 'ACT_HI_%' or TABLE_NAME ="
            + " 'ACT_GE_BYTEARRAY') order by TABLE_NAME",
        String.class);
  }

  /** The rows of every process instance's history (the cleanup jobs' own logs belong to none). */
  private Map<String, Long> rows() {
    Map<String, Long> rows = new HashMap<>();
    for (String table : tables()) {
      rows.put(
          table,
          jdbc.queryForObject(
              "select count(*) from " + table + " where ROOT_PROC_INST_ID_ is not null",
              Long.class));
    }
    return rows;
  }

  private Map<String, Long> rowsOf(String root) {
    Map<String, Long> rows = new HashMap<>();
    for (String table : tables()) {
      rows.put(
          table,
          jdbc.queryForObject(
              "select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?", Long.class, root));
    }
    return rows;
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
