package org.duban.catalog;

import java.util.List;

/**
 * A responsible unit (责任单位) of one government, which is one Camunda group.
 *
 * @param id stable ASCII group id, stored in the catalog (never re-derived)
 * @param name Simplified Chinese name as users read it
 * @param aliases other spellings found in plan documents (e.g. the Traditional original)
 */
public record Unit(String id, String name, List<String> aliases) {

  /** A group id fits Camunda's ACT_ID_GROUP.ID_, varchar(64). */
  public static final int MAX_ID_LENGTH = 64;

  public Unit {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public Unit(String id, String name) {
    this(id, name, List.of());
  }

  public boolean isNamed(String candidate) {
    return name.equals(candidate) || aliases.contains(candidate);
  }
}
