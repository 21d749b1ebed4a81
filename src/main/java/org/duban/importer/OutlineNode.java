package org.duban.importer;

import java.util.ArrayList;
import java.util.List;

/** A numbered heading or item of a plan and the lines under it, before its children start. */
final class OutlineNode {

  private final OutlineMarker marker;
  private final DocumentLine line;
  private final OutlineNode parent;
  private final int depth;
  private final boolean continuesSeries;
  private final List<DocumentLine> body = new ArrayList<>();
  private final List<OutlineNode> children = new ArrayList<>();

  OutlineNode(
      OutlineMarker marker,
      DocumentLine line,
      OutlineNode parent,
      int depth,
      boolean continuesSeries) {
    this.marker = marker;
    this.line = line;
    this.parent = parent;
    this.depth = depth;
    this.continuesSeries = continuesSeries;
  }

  OutlineMarker marker() {
    return marker;
  }

  DocumentLine line() {
    return line;
  }

  /** The heading text after the marker, without scraper markup. */
  String heading() {
    return PageJunk.stripMarkup(marker.rest());
  }

  OutlineNode parent() {
    return parent;
  }

  int depth() {
    return depth;
  }

  int value() {
    return marker.value();
  }

  /** True if its number carries on from an earlier section's series instead of restarting at 1. */
  boolean continuesSeries() {
    return continuesSeries;
  }

  List<DocumentLine> body() {
    return body;
  }

  List<OutlineNode> children() {
    return children;
  }

  /** Own body plus every descendant's line and body, in document order. */
  List<DocumentLine> allLinesBelow() {
    List<DocumentLine> all = new ArrayList<>(body);
    for (OutlineNode child : children) {
      all.add(child.line());
      all.addAll(child.allLinesBelow());
    }
    return all;
  }
}
