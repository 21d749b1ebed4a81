package org.duban.oversight;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.identity.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * Which plans the caller supervises: its own plans for a coordinating office, every plan for an
 * auditor, none (refused) for anyone else. This only picks the plans to ask about; every query
 * still runs with the caller's engine authorizations, so a plan named here that the engine would
 * not show stays empty.
 */
@Component
public class OversightAccess {

  static final String REFUSED = "督办视图只供规划的督办单位和审计人员查看,本账号不属于任何督办单位。责任单位请在任务清单(Tasklist)中办理本单位的任务。";

  private final IdentityService identity;
  private final PlanCatalogs catalogs;

  public OversightAccess(IdentityService identity, PlanCatalogs catalogs) {
    this.identity = identity;
    this.catalogs = catalogs;
  }

  /** The caller's plans, never empty: a caller without any is refused. */
  public List<PlanCatalog> plans() {
    Authentication caller = identity.getCurrentAuthentication();
    List<String> groups =
        caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    List<PlanCatalog> plans =
        catalogs.all().stream()
            .filter(
                p ->
                    groups.contains(UnitDirectory.AUDITORS)
                        || groups.contains(p.plan().coordinatingOffice().id()))
            .sorted(Comparator.comparing(PlanCatalog::id))
            .toList();
    if (plans.isEmpty()) {
      throw new OversightRefusedException(REFUSED);
    }
    return plans;
  }

  /** One of the caller's plans; any other id, existing or not, is unknown to the caller. */
  public PlanCatalog plan(String planId) {
    return plans().stream()
        .filter(p -> p.id().equals(planId))
        .findFirst()
        .orElseThrow(() -> new UnknownPlanException("没有可查看的规划「" + planId + "」"));
  }

  /** The caller's plans, or the one named (blank = all). */
  public List<PlanCatalog> plans(String planId) {
    return planId == null || planId.isBlank() ? plans() : List.of(plan(planId));
  }
}
