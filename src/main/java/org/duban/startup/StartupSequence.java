package org.duban.startup;

import java.util.List;
import java.util.StringJoiner;
import org.duban.modeling.PlanDeployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * What happens once the engine is up, in this order: the application's indexes are created, plans
 * are deployed, then identity is seeded from them, then (demo profile only) demo data. Each step is
 * idempotent. Other nodes wait meanwhile ({@link StartupLock}, taken before the engine's schema).
 */
@Component
public class StartupSequence {

  private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

  /** A step after deployment: identity seeding, demo data. */
  public interface Step {
    void run();
  }

  private final EngineIndexes indexes;
  private final PlanDeployment deployment;
  private final List<Step> steps;
  private final StartupLock lock;

  public StartupSequence(
      EngineIndexes indexes, PlanDeployment deployment, List<Step> steps, StartupLock lock) {
    this.indexes = indexes;
    this.deployment = deployment;
    this.steps = steps;
    this.lock = lock;
  }

  /** The engine is a singleton bean, so it is built by the time the context is refreshed. */
  @EventListener
  public void onContextRefreshed(ContextRefreshedEvent event) {
    if (event.getApplicationContext().getParent() != null) {
      return; // a child context (e.g. a management port's): the application's start is done once
    }
    // how long each step took, in one line, so that a slow start says where its seconds went
    StringJoiner took = new StringJoiner(", ", "Start-up steps: ", "");
    try {
      timed(took, "indexes", indexes::create);
      timed(took, "deployment", deployment::deployAll);
      for (Step step : steps) {
        timed(took, ClassUtils.getUserClass(step).getSimpleName(), step::run);
      }
    } finally {
      lock.release();
      log.info("{}", took);
    }
  }

  private static void timed(StringJoiner took, String name, Runnable step) {
    long start = System.nanoTime();
    try {
      step.run();
    } finally {
      took.add(name + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }
}
