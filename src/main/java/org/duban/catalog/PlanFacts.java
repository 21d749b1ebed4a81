package org.duban.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What the plan document says about itself.
 *
 * @param government slug of the issuing government; unit group ids are scoped by it
 * @param city short Chinese name used in process names, e.g. 吴忠
 * @param coordinatingOffice the office that supervises the plan (reviews, notices, evaluations)
 * @param source the plan document's file name under plans/documents
 */
public record PlanFacts(
    String id,
    String government,
    String city,
    String title,
    String issuer,
    LocalDate issued,
    PlanPeriod period,
    Unit coordinatingOffice,
    ResponsibilityPolicy responsibility,
    String source,
    List<Target> targets) {

  public PlanFacts {
    targets = targets == null ? List.of() : List.copyOf(targets);
  }
}
