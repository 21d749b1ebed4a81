package org.duban.importer;

import java.util.List;

/**
 * Who a task names as responsible, as read from one of the notations.
 *
 * @param kind how the plan wrote it
 * @param units every unit in the order written (for LEAD_ONLY just the lead)
 * @param othersUnnamed the plan adds "有关部门"/"等" without naming them: never invent units for that
 * @param line where the notation starts
 */
record Responsibility(Kind kind, List<UnitName> units, boolean othersUnnamed, int line) {

  enum Kind {
    /** "责任单位:A、B", "(A、B负责)", a table column: the first unit leads. */
    LIST,
    /** "(A、B按职责分工负责)": every unit is responsible for its own duties; no lead. */
    JOINT,
    /** "(X牵头)", "(X会同有关部门负责)": a lead and no named co-units. */
    LEAD_ONLY,
    /** "牵头单位:X;配合单位:Y、Z", "(X牵头,Y配合)": lead and co-units named separately. */
    LEAD_AND_CO
  }

  static final Responsibility NONE = new Responsibility(null, List.of(), false, 0);

  boolean isNone() {
    return kind == null;
  }

  String lead() {
    return kind == Kind.JOINT || units.isEmpty() ? null : units.get(0).name();
  }

  List<String> coUnits() {
    List<String> names = units.stream().map(UnitName::name).toList();
    return kind == Kind.JOINT ? names : names.subList(Math.min(1, names.size()), names.size());
  }
}
