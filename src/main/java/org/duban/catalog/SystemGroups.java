package org.duban.catalog;

import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Groups that exist apart from every catalog. A catalog creates and names the groups of its own
 * units and office only: none of these may be a catalog's unit or office, or publishing the catalog
 * would rename the group and hand it the unit's tasks.
 */
public final class SystemGroups {

  public static final String ADMINS = Groups.CAMUNDA_ADMIN;
  public static final String AUDITORS = "duban-auditors";

  /**
   * The administrators' group as Admin shows it (Camunda names it "camunda BPM Administrators").
   */
  public static final String ADMINS_NAME = "系统管理员";

  /** Its type in Admin (Camunda's: "SYSTEM"). */
  public static final String ADMINS_TYPE = "系统";

  /** Id → what people call the group, for messages. */
  static final Map<String, String> ALL = Map.of(ADMINS, ADMINS_NAME, AUDITORS, "审计人员");

  private SystemGroups() {}
}
