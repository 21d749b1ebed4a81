package org.duban.startup;

import java.util.List;
import org.duban.modeling.PlanDeployment;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What happens once the engine is up, in this order: plans are deployed, then identity is seeded
 * from them, then (demo profile only) demo data. Each step is idempotent.
 */
@Component
public class StartupSequence {

  /** A step after deployment: identity seeding, demo data. */
  public interface Step {
    void run();
  }

  private final PlanDeployment deployment;
  private final List<Step> steps;

  public StartupSequence(PlanDeployment deployment, List<Step> steps) {
    this.deployment = deployment;
    this.steps = steps;
  }

  /** The engine is a singleton bean, so it is built by the time the context is refreshed. */
  @EventListener
  public void onContextRefreshed(ContextRefreshedEvent event) {
    deployment.deployAll();
    steps.forEach(Step::run);
  }
}
