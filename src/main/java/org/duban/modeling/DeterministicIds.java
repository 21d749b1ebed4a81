package org.duban.modeling;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.impl.util.ModelUtil;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Replaces the random ids the fluent builder gives to diagram and helper elements (shapes, timer
 * definitions, conditions …) with ids derived from their owner. The same catalog then always yields
 * byte-identical BPMN, which is what lets an unchanged plan skip redeployment.
 */
final class DeterministicIds {

  private static final Pattern GENERATED =
      Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private DeterministicIds() {}

  static void apply(BpmnModelInstance model, String processKey) {
    Set<String> used = new HashSet<>();
    rename(model, model.getDocumentElement(), processKey, processKey, used);
  }

  private static void rename(
      BpmnModelInstance model,
      ModelElementInstance element,
      String ownerId,
      String key,
      Set<String> used) {
    String id = element.getAttributeValue("id");
    String owner = ownerId;
    if (id != null && GENERATED.matcher(id).matches()) {
      String fresh = unique(derived(element, ownerId, key), used);
      element.setAttributeValue("id", fresh, true);
      owner = fresh;
    } else if (id != null) {
      used.add(id);
      owner = id;
    }
    for (DomElement child : element.getDomElement().getChildElements()) {
      ModelElementInstance instance =
          ModelUtil.getModelElement(
              child, (org.camunda.bpm.model.xml.impl.ModelInstanceImpl) model);
      rename(model, instance, owner, key, used);
    }
  }

  private static String derived(ModelElementInstance element, String ownerId, String key) {
    if (element instanceof BpmnShape shape) {
      return shape.getBpmnElement().getId() + "_di";
    }
    if (element instanceof BpmnEdge edge) {
      return ((BaseElement) edge.getBpmnElement()).getId() + "_di";
    }
    if (element instanceof BpmnPlane) {
      return "plane_" + key;
    }
    if (element instanceof BpmnDiagram) {
      return "diagram_" + key;
    }
    String type = element.getElementType().getTypeName();
    if (type.equals("definitions")) {
      return "definitions_" + key;
    }
    return ownerId + "_" + type;
  }

  private static String unique(String candidate, Set<String> used) {
    String id = candidate;
    for (int n = 2; !used.add(id); n++) {
      id = candidate + "_" + n;
    }
    return id;
  }
}
