package org.duban.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * A model's properties are written in an order that is the same in every JVM: {@code Map.of}
 * iterates in an order drawn anew at each start, which gave an evaluation process other bytes on a
 * restart and deployed every plan again.
 */
class ModelPropertiesOrderTest {

  private final BpmnModelInstance model =
      Bpmn.createExecutableProcess("p").startEvent().endEvent().done();
  private final Process process = model.getModelElementById("p");

  @Test
  void shouldRefuseMapsWithoutADefinedOrder() {
    assertThatThrownBy(() -> ModelProperties.write(model, process, Map.of("a", "1", "b", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("defined order");
  }

  @Test
  void shouldWritePropertiesInTheMapsOrder() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("z", "1");
    properties.put("a", "2");
    ModelProperties.write(model, process, properties);
    ModelProperties.write(model, process, Map.of("one", "3"));
    assertThat(ModelProperties.read(process).keySet()).containsExactly("z", "a", "one");
  }
}
