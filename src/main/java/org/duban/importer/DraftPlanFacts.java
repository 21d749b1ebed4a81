package org.duban.importer;

import java.time.LocalDate;
import java.util.List;
import org.duban.catalog.Target;

/**
 * What the importer found out about the plan itself; any field may be null where the text does not
 * say (the Luolong page, a reply to a deputy, names no issuer and no date).
 *
 * @param city short place name, e.g. 泉州
 * @param government ASCII slug of the government, e.g. quanzhou
 * @param level 市, 区, 省 or 县: the prefix the plan's own units carry
 * @param coordinatingOffice the supervising office the text names, or null
 */
public record DraftPlanFacts(
    String title,
    String originalTitle,
    String city,
    String government,
    String level,
    String issuer,
    LocalDate issued,
    Integer periodFrom,
    Integer periodTo,
    String coordinatingOffice,
    List<Target> targets) {

  public DraftPlanFacts {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }
}
