package org.duban.identity;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.duban.catalog.CatalogException;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.Unit;
import org.springframework.stereotype.Component;

/**
 * A catalog creates and names the groups of its own units and office, nothing else. A group that
 * already exists in the engine without belonging to any catalog (made in Admin, or a system group)
 * may be shared only as it is: {@link IdentitySeeder} would otherwise rename or retype it. Groups
 * of other catalogs are checked against those catalogs ({@link PlanCatalogs#checkCompatible}).
 */
@Component
public class GroupClaims {

  private final IdentityService identity;
  private final PlanCatalogs catalogs;

  public GroupClaims(IdentityService identity, PlanCatalogs catalogs) {
    this.identity = identity;
    this.catalogs = catalogs;
  }

  /**
   * Throws, naming line and field, if publishing {@code plan} (read from {@code text}) would change
   * a group it does not own.
   */
  public void check(PlanCatalog plan, String file, String text) {
    Set<String> known = new HashSet<>();
    for (PlanCatalog c : catalogs.all()) {
      c.units().forEach(u -> known.add(u.id()));
      known.add(c.plan().coordinatingOffice().id());
    }
    for (int i = 0; i < plan.units().size(); i++) {
      check(plan.units().get(i), UnitDirectory.TYPE_UNIT, "units[" + i + "]", known, file, text);
    }
    check(
        plan.plan().coordinatingOffice(),
        UnitDirectory.TYPE_OFFICE,
        "plan.coordinatingOffice",
        known,
        file,
        text);
  }

  private void check(
      Unit unit, String type, String at, Set<String> known, String file, String text) {
    if (known.contains(unit.id())) {
      return;
    }
    Optional<Group> existing =
        Optional.ofNullable(identity.createGroupQuery().groupId(unit.id()).singleResult());
    if (existing.isEmpty()) {
      return;
    }
    Group group = existing.get();
    if (!type.equals(group.getType())) {
      throw CatalogException.at(
          file,
          text,
          at + ".id",
          "组 '"
              + unit.id()
              + "' 已存在("
              + group.getName()
              + ",类型 "
              + group.getType()
              + "),不属于任何方案:目录不能把它改作"
              + (type.equals(UnitDirectory.TYPE_OFFICE) ? "督办单位" : "责任单位"));
    }
    if (!unit.name().equals(group.getName())) {
      throw CatalogException.at(
          file,
          text,
          at + ".name",
          "组 '"
              + unit.id()
              + "' 已存在,名为 '"
              + group.getName()
              + "',不属于任何方案:目录不能把它改名为 '"
              + unit.name()
              + "'");
    }
  }
}
