package org.duban.names;

/** Deterministic element ids of the plan's extension process (延期申请). */
public final class ExtensionElements {

  private ExtensionElements() {}

  public static final String START = "startEvent_extensionRequested";
  public static final String DECIDE = "userTask_decideExtension";
  public static final String GATEWAY_DECISION = "gateway_extensionDecision";
  public static final String APPLY = "serviceTask_applyExtension";
  public static final String RECORD_REFUSAL = "serviceTask_recordRefusal";
  public static final String END_APPROVED = "endEvent_extensionApproved";
  public static final String END_REFUSED = "endEvent_extensionRefused";
}
