package org.duban.round;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.modeling.ProcessKeys;
import org.springframework.stereotype.Component;

/** Finds the catalog task behind a process key or a running execution. */
@Component
public class RoundTasks {

  private final PlanCatalogs catalogs;
  private volatile Map<String, RoundTask> byProcessKey;
  private volatile int version = -1;

  public RoundTasks(PlanCatalogs catalogs) {
    this.catalogs = catalogs;
    index();
  }

  /** Rebuilt when a plan is added at run time. */
  private Map<String, RoundTask> index() {
    if (version != catalogs.version()) {
      synchronized (this) {
        if (version != catalogs.version()) {
          byProcessKey = build(catalogs);
          version = catalogs.version();
        }
      }
    }
    return byProcessKey;
  }

  private static Map<String, RoundTask> build(PlanCatalogs catalogs) {
    Map<String, RoundTask> byProcessKey = new LinkedHashMap<>();
    for (PlanCatalog plan : catalogs.all()) {
      for (TaskEntry task : plan.tasks()) {
        String key = ProcessKeys.round(plan.id(), task.number());
        RoundTask previous = byProcessKey.put(key, new RoundTask(plan, task));
        if (previous != null) {
          throw new IllegalStateException("tasks " + previous.task().number() + " and " + task.number()
              + " of plan " + plan.id() + " map to the same process key " + key);
        }
      }
    }
    return byProcessKey;
  }

  public Optional<RoundTask> byProcessKey(String processKey) {
    return Optional.ofNullable(index().get(processKey));
  }

  public static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  public RoundTask of(DelegateExecution execution) {
    String key = processKey(execution);
    return byProcessKey(key).orElseThrow(() -> new IllegalStateException("process " + key + " is not in any plan catalog"));
  }

  public Map<String, RoundTask> all() {
    return index();
  }
}
