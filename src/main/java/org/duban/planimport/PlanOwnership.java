package org.duban.planimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duban.catalog.PlanCatalog;

/**
 * A plan imported over REST belongs to the office that imported it: only that office or an
 * administrator may replace it, and only an administrator may give a new version another
 * coordinating office. The owners are kept beside the kept catalog, as {@code <plan>.owner} in the
 * import directory (one group id a line), written together with it.
 */
final class PlanOwnership {

  static final String SUFFIX = ".owner";

  private final Path importDir;

  PlanOwnership(Path importDir) {
    this.importDir = importDir;
  }

  /**
   * Refuses the publication of {@code plan} by {@code publisher} unless they may replace what is
   * deployed. {@code earlier} is the plan's running version, if the application knows one; {@code
   * deployed} says whether the engine holds a deployment of the plan at all.
   */
  void check(
      PlanCatalog plan, Optional<PlanCatalog> earlier, boolean deployed, Publisher publisher) {
    if (publisher.admin() || (earlier.isEmpty() && !deployed)) {
      return;
    }
    Set<String> owners = owners(plan.id(), earlier);
    if (owners.isEmpty()) {
      throw new PlanRefusedException("方案 '" + plan.id() + "' 已部署,但没有记录是哪个督办单位导入的:只有系统管理员可以替换它。");
    }
    if (Collections.disjoint(owners, publisher.offices())) {
      throw new PlanRefusedException(
          "方案 '" + plan.id() + "' 由 " + String.join("、", owners) + " 导入,只有该督办单位或系统管理员可以替换它。");
    }
    String office = plan.plan().coordinatingOffice().id();
    String earlierOffice = earlier.map(p -> p.plan().coordinatingOffice().id()).orElse(office);
    if (!office.equals(earlierOffice)) {
      throw new PlanRefusedException(
          "方案 '"
              + plan.id()
              + "' 的督办单位是 '"
              + earlierOffice
              + "',新版本不能改为 '"
              + office
              + "':只有系统管理员可以更换方案的督办单位。");
    }
  }

  /**
   * The owners once {@code plan} is published: those already recorded, else the publisher's
   * offices, else (an administrator importing for an office) the plan's coordinating office.
   */
  Set<String> ownersAfter(PlanCatalog plan, Optional<PlanCatalog> earlier, Publisher publisher) {
    Set<String> recorded = recorded(plan.id());
    if (!recorded.isEmpty()) {
      return recorded;
    }
    if (earlier.isPresent() || publisher.offices().isEmpty()) {
      return Set.of(plan.plan().coordinatingOffice().id());
    }
    return new LinkedHashSet<>(publisher.offices().stream().sorted().toList());
  }

  /**
   * Recorded owners; a plan kept before owners were recorded belongs to its coordinating office.
   */
  private Set<String> owners(String planId, Optional<PlanCatalog> earlier) {
    Set<String> recorded = recorded(planId);
    if (!recorded.isEmpty()) {
      return recorded;
    }
    return earlier.map(p -> Set.of(p.plan().coordinatingOffice().id())).orElse(Set.of());
  }

  private Set<String> recorded(String planId) {
    Path file = file(planId);
    if (!Files.exists(file)) {
      return Set.of();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return new LinkedHashSet<>(
          lines.stream().map(String::trim).filter(l -> !l.isEmpty()).toList());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot read the owners of plan " + planId + " from " + file, e);
    }
  }

  static String text(Set<String> owners) {
    return String.join("\n", owners) + "\n";
  }

  Path file(String planId) {
    return importDir.resolve(planId + SUFFIX);
  }
}
