package org.duban.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.names.RoundVariables;

/**
 * The open rounds of {@link OversightBenchmark}'s plan: every task's round of every year opened on
 * its New Year's Day, then the clock at {@link OversightBenchmark#NOW} and the overdue rounds'
 * escalation ladders run (reminders, overdue notices, proposed criticisms). Nothing when they are
 * open already.
 */
final class OpenRounds {

  private OpenRounds() {}

  /** Returns whether it opened them. */
  static boolean open(
      BenchPlan plan,
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      List<String> keys)
      throws Exception {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(keys.get(0)).count() > 0) {
      ClockUtil.setCurrentTime(OversightBenchmark.NOW);
      return false;
    }
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int year = plan.fromYear(); year <= plan.toYear(); year++) {
        // each year's rounds open on New Year's Day, as the yearly timer opens them
        ClockUtil.setCurrentTime(
            Date.from(
                LocalDateTime.of(year, 1, 1, 8, 0).atZone(OversightBenchmark.ZONE).toInstant()));
        int opened = year;
        List<Future<?>> started = new ArrayList<>();
        for (String key : keys) {
          started.add(
              pool.submit(
                  () ->
                      runtime.startProcessInstanceByKey(key, Map.of(RoundVariables.YEAR, opened))));
        }
        for (Future<?> f : started) {
          f.get();
        }
      }
      ClockUtil.setCurrentTime(OversightBenchmark.NOW);
      long escalated = 0;
      for (List<Job> due = dueJobs(management); !due.isEmpty(); due = dueJobs(management)) {
        // one thread per round: jobs of one round touch the same executions
        Map<String, List<Job>> byRound =
            due.stream().collect(Collectors.groupingBy(Job::getProcessInstanceId));
        List<Future<?>> ran = new ArrayList<>();
        for (List<Job> jobs : byRound.values()) {
          ran.add(pool.submit(() -> jobs.forEach(job -> management.executeJob(job.getId()))));
        }
        for (Future<?> f : ran) {
          f.get();
        }
        escalated += due.size();
      }
      long open =
          tasks.createTaskQuery().processDefinitionKeyIn(keys.toArray(String[]::new)).count();
      System.out.printf(
          "%nopened %d rounds with %d open unit tasks and ran %d escalation jobs in %.1f s%n",
          keys.size() * plan.years(), open, escalated, (System.nanoTime() - start) / 1e9);
      if (open != plan.openCoUnitTasks()) {
        throw new AssertionError(open + " open unit tasks, expected " + plan.openCoUnitTasks());
      }
      return true;
    } finally {
      pool.shutdown();
    }
  }

  private static List<Job> dueJobs(ManagementService management) {
    return management.createJobQuery().executable().listPage(0, 500);
  }
}
