package org.duban.names;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a deployed process knows about itself, as {@code camunda:property} entries of its process
 * element: its plan and task, and the rules it was generated with. A running instance reads them
 * from its own definition, never from the live catalog or by parsing keys, so editing a catalog
 * changes the next version and leaves running rounds as they opened.
 */
public final class ModelProperties {

  private ModelProperties() {}

  public static final String PLAN_ID = "duban.planId";
  public static final String TASK_NUMBER = "duban.taskNumber";
  public static final String EVALUATION_KIND = "duban.evaluationKind";

  /**
   * How many extension requests a unit task of the round may make (the catalog's, when deployed).
   */
  public static final String EXTENSIONS_ALLOWED = "duban.escalation.extensionsAllowed";

  /** Definitions never change once deployed: their properties are read once. */
  private static final Map<String, Map<String, String>> BY_DEFINITION = new ConcurrentHashMap<>();

  /**
   * Adds the properties to the process, in the map's order, which must be defined (a {@link
   * LinkedHashMap} or a {@link java.util.SortedMap}): {@code Map.of} iterates in an order that
   * changes from one JVM to the next, and a model whose bytes change makes a restart deploy the
   * plan again.
   */
  public static void write(
      BpmnModelInstance model, Process process, Map<String, String> properties) {
    if (properties.size() > 1
        && !(properties instanceof LinkedHashMap || properties instanceof java.util.SortedMap)) {
      throw new IllegalArgumentException(
          "model properties need a defined order (LinkedHashMap, SortedMap), not a "
              + properties.getClass().getName());
    }
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      process.setExtensionElements(extensions);
    }
    CamundaProperties list =
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
            .findFirst()
            .orElse(null);
    if (list == null) {
      list = model.newInstance(CamundaProperties.class);
      extensions.addChildElement(list);
    }
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(entry.getKey());
      property.setCamundaValue(entry.getValue());
      list.addChildElement(property);
    }
  }

  public static Map<String, String> read(Process process) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = process.getExtensionElements();
    if (extensions != null) {
      extensions
          .getElementsQuery()
          .filterByType(CamundaProperties.class)
          .list()
          .forEach(
              list ->
                  list.getCamundaProperties()
                      .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue())));
    }
    return properties;
  }

  /** The properties of the process an execution runs in. */
  public static Map<String, String> of(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    return BY_DEFINITION.computeIfAbsent(
        entity.getProcessDefinitionId(),
        id -> {
          BpmnModelInstance model = execution.getBpmnModelInstance();
          return Map.copyOf(
              read(model.getModelElementById(entity.getProcessDefinition().getKey())));
        });
  }

  /** The properties of a deployed process definition. */
  public static Map<String, String> of(
      org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity definition,
      BpmnModelInstance model) {
    return BY_DEFINITION.computeIfAbsent(
        definition.getId(), id -> Map.copyOf(read(model.getModelElementById(definition.getKey()))));
  }

  public static String require(DelegateExecution execution, String name) {
    String value = of(execution).get(name);
    if (value == null) {
      throw new IllegalStateException(
          "process "
              + ((ExecutionEntity) execution).getProcessDefinitionId()
              + " has no property "
              + name
              + ": deployed by an older Duban? deploy its plan again");
    }
    return value;
  }
}
