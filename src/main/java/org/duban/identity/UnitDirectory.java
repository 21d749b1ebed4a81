package org.duban.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.SystemGroups;
import org.duban.catalog.TaskEntry;
import org.duban.catalog.Unit;
import org.duban.names.EvaluationKind;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Every group the catalogs define: the responsible units of each government, and each plan's
 * coordinating office (its supervisors), plus the auditors. The catalogs are the source of truth.
 */
@Component
public class UnitDirectory {

  public static final String AUDITORS = SystemGroups.AUDITORS;
  public static final String AUDITORS_NAME = "审计人员";
  // group types, shown as they are in Admin's group list: in Chinese (the seeder re-types groups
  // of older versions, which were "unit", "office", "audit")
  public static final String TYPE_UNIT = "责任单位";
  public static final String TYPE_OFFICE = "督办单位";
  public static final String TYPE_AUDIT = "审计";

  /**
   * A group to seed, with the process keys its members work in and those they only read (an
   * office's deliveries: the system sends them, nobody starts one by hand).
   */
  public record Entry(
      String id, String name, String type, Set<String> processKeys, Set<String> readKeys) {}

  private final PlanCatalogs catalogs;

  public UnitDirectory(PlanCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  /** Built on each call: plans may be added at run time, and seeding is the only caller. */
  private Map<String, Entry> entries() {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (PlanCatalog plan : catalogs.all()) {
      Set<String> roundKeys = new TreeSet<>();
      for (TaskEntry task : plan.tasks()) {
        String key = ProcessKeys.round(plan.id(), task.number());
        roundKeys.add(key);
        for (String name : unitsOf(task)) {
          add(entries, plan.unit(name), TYPE_UNIT, Set.of(key), Set.of());
        }
      }
      // units of a plan that names none may be assigned to any of its tasks in a round
      boolean assignedPerRound =
          plan.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND;
      for (Unit unit : plan.units()) {
        add(entries, unit, TYPE_UNIT, assignedPerRound ? roundKeys : Set.of(), Set.of());
      }
      Set<String> officeKeys = new TreeSet<>(roundKeys);
      officeKeys.add(ProcessKeys.notice(plan.id()));
      EvaluationKind.of(plan).forEach(kind -> officeKeys.add(kind.processKey(plan.id())));
      add(
          entries,
          plan.plan().coordinatingOffice(),
          TYPE_OFFICE,
          officeKeys,
          // extension requests: started by the system for a unit, decided through the office's
          // task (candidate group); the office reads them, never starts one
          Set.of(ProcessKeys.delivery(plan.id()), ProcessKeys.extension(plan.id())));
    }
    return entries;
  }

  private static List<String> unitsOf(TaskEntry task) {
    List<String> names = new ArrayList<>(task.coUnits());
    if (task.lead() != null) {
      names.add(task.lead());
    }
    return names;
  }

  private static void add(
      Map<String, Entry> entries, Unit unit, String type, Set<String> keys, Set<String> readKeys) {
    entries.merge(
        unit.id(),
        new Entry(unit.id(), unit.name(), type, new TreeSet<>(keys), new TreeSet<>(readKeys)),
        (a, b) -> {
          Set<String> all = new TreeSet<>(a.processKeys());
          all.addAll(b.processKeys());
          Set<String> read = new TreeSet<>(a.readKeys());
          read.addAll(b.readKeys());
          return new Entry(a.id(), a.name(), a.type(), all, read);
        });
  }

  public List<Entry> units() {
    return entries().values().stream().filter(e -> e.type().equals(TYPE_UNIT)).toList();
  }

  public List<Entry> offices() {
    return entries().values().stream().filter(e -> e.type().equals(TYPE_OFFICE)).toList();
  }

  public List<Entry> all() {
    return List.copyOf(entries().values());
  }
}
