package org.duban.modeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Places every shape of a generated process on a fixed grid and routes every edge orthogonally, so
 * Cockpit draws each task the same readable way. The fluent builder's own auto-layout stacks
 * boundary branches and sub-process content on top of each other; this replaces it completely and
 * fails if any element was left without a place.
 */
final class DiagramLayout {

  record Box(double x, double y, double w, double h) {
    double cx() {
      return x + w / 2;
    }

    double cy() {
      return y + h / 2;
    }

    double right() {
      return x + w;
    }

    double bottom() {
      return y + h;
    }
  }

  static final double TASK_W = 100;
  static final double TASK_H = 80;
  static final double EVENT = 36;
  static final double GATEWAY = 50;

  private final Map<String, Box> boxes = new HashMap<>();
  private final Map<String, List<double[]>> routes = new HashMap<>();
  private final Map<String, Box> labels = new HashMap<>();

  void place(String id, double x, double y, double w, double h) {
    boxes.put(id, new Box(x, y, w, h));
  }

  void task(String id, double x, double centerY) {
    place(id, x, centerY - TASK_H / 2, TASK_W, TASK_H);
  }

  void event(String id, double x, double centerY) {
    place(id, x, centerY - EVENT / 2, EVENT, EVENT);
  }

  void gateway(String id, double x, double centerY) {
    place(id, x, centerY - GATEWAY / 2, GATEWAY, GATEWAY);
  }

  Box box(String id) {
    Box b = boxes.get(id);
    if (b == null) {
      throw new IllegalStateException("no place in the layout for " + id);
    }
    return b;
  }

  /** An explicit route for a flow whose default (right side to left side) would cross shapes. */
  void route(String flowId, double... xy) {
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      points.add(new double[] {xy[i], xy[i + 1]});
    }
    routes.put(flowId, points);
  }

  /**
   * An explicit place for an element's or a flow's name. Without one, Cockpit (bpmn-js) centres an
   * event's or gateway's name under it and a flow's name on its middle segment, where an outgoing
   * edge or a neighbour's name may run through it.
   */
  void label(String id, double x, double y, double w, double h) {
    labels.put(id, new Box(x, y, w, h));
  }

  void apply(BpmnModelInstance model) {
    Map<String, Box> unused = new HashMap<>(labels);
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      Box b = box(element.getId());
      Bounds bounds = shape.getBounds();
      bounds.setX(b.x());
      bounds.setY(b.y());
      bounds.setWidth(b.w());
      bounds.setHeight(b.h());
      if (element instanceof SubProcess) {
        shape.setExpanded(true);
      }
      Box label = unused.remove(element.getId());
      if (label != null) {
        shape.setBpmnLabel(label(model, label));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
      List<double[]> points =
          routes.getOrDefault(flow.getId(), defaultRoute(flow.getSource(), flow.getTarget()));
      edge.getWaypoints().clear();
      for (double[] p : points) {
        Waypoint w = model.newInstance(Waypoint.class);
        w.setX(p[0]);
        w.setY(p[1]);
        edge.getWaypoints().add(w);
      }
      Box label = unused.remove(flow.getId());
      if (label != null) {
        edge.setBpmnLabel(label(model, label));
      }
    }
    if (!unused.isEmpty()) {
      throw new IllegalStateException(
          "labels placed for elements not in the diagram: " + unused.keySet());
    }
  }

  private static BpmnLabel label(BpmnModelInstance model, Box b) {
    BpmnLabel label = model.newInstance(BpmnLabel.class);
    Bounds bounds = model.newInstance(Bounds.class);
    bounds.setX(b.x());
    bounds.setY(b.y());
    bounds.setWidth(b.w());
    bounds.setHeight(b.h());
    label.setBounds(bounds);
    return label;
  }

  private List<double[]> defaultRoute(FlowNode source, FlowNode target) {
    Box s = box(source.getId());
    Box t = box(target.getId());
    List<double[]> points = new ArrayList<>();
    if (source instanceof BoundaryEvent) {
      // boundary events sit on a task's lower edge: leave downwards, then across, then down
      double midY = (s.bottom() + t.y()) / 2;
      points.add(new double[] {s.cx(), s.bottom()});
      if (Math.abs(s.cx() - t.cx()) > 0.5) {
        points.add(new double[] {s.cx(), midY});
        points.add(new double[] {t.cx(), midY});
      }
      points.add(new double[] {t.cx(), t.y()});
      return points;
    }
    if (Math.abs(s.cy() - t.cy()) < 0.5) {
      points.add(new double[] {s.right(), s.cy()});
      points.add(new double[] {t.x(), t.cy()});
    } else if (t.y() >= s.bottom()) {
      // straight down, e.g. an escalation step to its end event
      points.add(new double[] {s.cx(), s.bottom()});
      points.add(new double[] {s.cx(), t.y()});
    } else {
      double midX = (s.right() + t.x()) / 2;
      points.add(new double[] {s.right(), s.cy()});
      points.add(new double[] {midX, s.cy()});
      points.add(new double[] {midX, t.cy()});
      points.add(new double[] {t.x(), t.cy()});
    }
    return points;
  }
}
