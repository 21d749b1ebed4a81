package org.duban.names;

/**
 * Variables of an extension request (延期申请): one instance of the plan's extension process per
 * request. The request's facts are written by the system when it starts; the office's decision
 * arrives local to its task and is written to the instance, checked, when the task completes.
 */
public final class ExtensionVariables {

  private ExtensionVariables() {}

  // the request, written by the system (ExtensionRequests) at the start
  public static final String PLAN_ID = "planId";
  public static final String ROUND_KEY = "roundKey";
  public static final String ROUND_INSTANCE_ID = "roundInstanceId";
  public static final String ROUND_TITLE = "roundTitle";
  public static final String UNIT_TASK_ID = "unitTaskId";

  /** The year of the round the request is in: the latest day it may move to is in it. */
  public static final String ROUND_YEAR = "roundYear";

  public static final String STAGE = "stage";
  public static final String UNIT = "unit";
  public static final String UNIT_NAME = "unitName";
  public static final String SUPERVISOR_GROUP = "supervisorGroup";
  public static final String REQUESTED_BY = "requestedBy";
  public static final String REQUESTED_BY_NAME = "requestedByName";
  public static final String REQUESTED_AT = "requestedAt";
  public static final String REQUEST_REASON = "requestReason";

  /** The unit's due day when it asked, ISO date. */
  public static final String CURRENT_DUE = "currentDue";

  /** The day the unit asks for, ISO date. */
  public static final String PROPOSED_DUE = "proposedDue";

  /** Which request of this unit task this is: 1 for the first. */
  public static final String REQUEST_NUMBER = "requestNumber";

  /** The catalog's limit when the unit asked. */
  public static final String REQUESTS_ALLOWED = "requestsAllowed";

  /**
   * On the unit's report task (local): how many requests it made. Written in the request's own
   * transaction: the engine keeps one variable per name and scope (a unique index, and a revision
   * on update), so of two requests at the same moment one fails instead of both passing the checks.
   */
  public static final String TASK_REQUESTS = "extensionRequests";

  // the office's form (local to its task)
  public static final String DECISION = "extensionDecision";
  public static final String NEW_DUE = "newDue";
  public static final String REFUSAL_REASON = "refusalReason";

  // written by the system when the office decides
  public static final String STATUS = "extensionStatus";
  public static final String DECIDED_BY = "decidedBy";
  public static final String DECIDED_BY_NAME = "decidedByName";
  public static final String DECIDED_AT = "decidedAt";

  /** ISO date the round's task is now due, after an approval; null otherwise. */
  public static final String GRANTED_DUE = "grantedDue";

  /** When the unit reported while its request still waited for the office; null otherwise. */
  public static final String UNIT_REPORTED_AT = "unitReportedAt";

  /** What the decision did to the round, in words the unit and auditors read. */
  public static final String OUTCOME_NOTE = "outcomeNote";
}
