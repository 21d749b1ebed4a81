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

  private final Map<String, RoundTask> byProcessKey = new LinkedHashMap<>();

  public RoundTasks(PlanCatalogs catalogs) {
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
  }

  public Optional<RoundTask> byProcessKey(String processKey) {
    return Optional.ofNullable(byProcessKey.get(processKey));
  }

  public static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  public RoundTask of(DelegateExecution execution) {
    String key = processKey(execution);
    return byProcessKey(key).orElseThrow(() -> new IllegalStateException("process " + key + " is not in any plan catalog"));
  }

  public Map<String, RoundTask> all() {
    return byProcessKey;
  }
}
