package org.duban.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;
import org.duban.modeling.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Every group the catalogs define: the responsible units of each government, and each plan's
 * coordinating office (its supervisors), plus the auditors. The catalogs are the source of truth.
 */
@Component
public class UnitDirectory {

  public static final String AUDITORS = "duban-auditors";
  public static final String AUDITORS_NAME = "审计人员";
  public static final String TYPE_UNIT = "unit";
  public static final String TYPE_OFFICE = "office";
  public static final String TYPE_AUDIT = "audit";

  /** A group to seed, with the process keys its members work in. */
  public record Entry(String id, String name, String type, Set<String> processKeys) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public UnitDirectory(PlanCatalogs catalogs) {
    for (PlanCatalog plan : catalogs.all()) {
      Unit office = plan.plan().coordinatingOffice();
      Set<String> planKeys = new TreeSet<>();
      for (TaskEntry task : plan.tasks()) {
        String key = ProcessKeys.round(plan.id(), task.number());
        planKeys.add(key);
        for (String name : unitsOf(task)) {
          add(plan.unit(name), TYPE_UNIT, Set.of(key));
        }
      }
      planKeys.add(ProcessKeys.notice(plan.id()));
      add(office, TYPE_OFFICE, planKeys);
      // units of plans that assign per round may be chosen for any of its tasks
      for (Unit unit : plan.units()) {
        add(unit, TYPE_UNIT, plan.tasks().stream().anyMatch(TaskEntry::hasFixedUnits) ? Set.of() : planKeys);
      }
    }
  }

  private static List<String> unitsOf(TaskEntry task) {
    List<String> names = new ArrayList<>(task.coUnits());
    if (task.lead() != null) {
      names.add(task.lead());
    }
    return names;
  }

  private void add(Unit unit, String type, Set<String> keys) {
    entries.merge(unit.id(), new Entry(unit.id(), unit.name(), type, new TreeSet<>(keys)), (a, b) -> {
      Set<String> all = new TreeSet<>(a.processKeys());
      all.addAll(b.processKeys());
      return new Entry(a.id(), a.name(), a.type(), all);
    });
  }

  public List<Entry> units() {
    return entries.values().stream().filter(e -> e.type().equals(TYPE_UNIT)).toList();
  }

  public List<Entry> offices() {
    return entries.values().stream().filter(e -> e.type().equals(TYPE_OFFICE)).toList();
  }

  public List<Entry> all() {
    return List.copyOf(entries.values());
  }
}
