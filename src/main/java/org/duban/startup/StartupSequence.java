package org.duban.startup;

import java.util.List;
import org.duban.modeling.PlanDeployment;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens once the engine is up, in this order: the application's indexes are created, plans
 * are deployed, then identity is seeded from them, then (demo profile only) demo data. Each step is
 * idempotent. Other nodes wait meanwhile ({@link StartupLock}, taken before the engine's schema).
 */
@Component
public class StartupSequence {

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
    try {
      indexes.create();
      deployment.deployAll();
      steps.forEach(Step::run);
    } finally {
      lock.release();
    }
  }
}
