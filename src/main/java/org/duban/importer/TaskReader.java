package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads one task node: units, deadline, title, text and the original wording. */
final class TaskReader {

  static final String LEFT_TO_THE_OFFICE =
      "kept without units for the office to decide: name its units in the draft, or set"
          + " plan.responsibility: ASSIGNED_PER_ROUND to assign them each round";

  private TaskReader() {}

  /**
   * The task, or null (with an error added) if it has no title. A task whose units cannot be read
   * is kept without units, with a warning that says why: a draft never invents units.
   */
  static ImportedTask read(String number, OutlineNode node, List<ImportProblem> problems) {
    DocumentLine heading =
        new DocumentLine(node.line().number(), node.line().original(), node.heading());
    List<DocumentLine> lines = new ArrayList<>();
    lines.add(heading);
    lines.addAll(node.allLinesBelow());
    for (DocumentLine line : node.body()) {
      OutlineMarker marker = line.isBlank() ? null : OutlineMarker.parse(line.text());
      if (marker != null
          && marker.shape() == node.marker().shape()
          && marker.value() > node.value()) {
        problems.add(
            ImportProblem.warning(
                line.number(),
                "this line starts like item "
                    + marker.value()
                    + ", which does not follow item "
                    + node.value()
                    + ": it is read as part of task "
                    + number
                    + "'s text; check the numbering"));
      }
    }
    DeadlineReader.Reading deadline = DeadlineReader.read(lines);
    lines = deadline.lines();
    if (lines.isEmpty() || lines.get(0).number() != heading.number()) {
      lines.add(0, new DocumentLine(heading.number(), heading.original(), ""));
    }
    ResponsibilityReader.Reading reading;
    try {
      reading = ResponsibilityReader.read(lines);
    } catch (UnreadableUnitsException.AtLine e) {
      problems.add(
          ImportProblem.warning(
              e.line(),
              "task "
                  + number
                  + ": cannot read its units: "
                  + e.getMessage()
                  + "; "
                  + LEFT_TO_THE_OFFICE));
      reading = new ResponsibilityReader.Reading(Responsibility.NONE, new ArrayList<>(lines));
    }
    List<DocumentLine> text = new ArrayList<>(reading.text());
    String headingText =
        !text.isEmpty() && text.get(0).number() == heading.number() ? text.remove(0).text() : "";
    TitleSplitter.Split split = TitleSplitter.split(headingText);
    List<String> paragraphs = new ArrayList<>();
    if (!split.rest().isEmpty()) {
      paragraphs.add(split.rest());
    }
    text.stream().filter(l -> !l.isBlank()).map(DocumentLine::text).forEach(paragraphs::add);
    if (split.title().isEmpty()) {
      problems.add(ImportProblem.error(heading.number(), "task " + number + " has no title"));
      return null;
    }
    if (split.title().length() > 40) {
      problems.add(
          ImportProblem.warning(
              heading.number(),
              "task "
                  + number
                  + ": the title is long ("
                  + split.title().length()
                  + " characters); check where it ends"));
    }
    Responsibility r = reading.responsibility();
    List<String> collectives =
        r.units().stream().filter(UnitName::collective).map(UnitName::name).toList();
    return new ImportedTask(
        number,
        split.title(),
        String.join("\n", paragraphs),
        r.isNone() ? null : r.lead(),
        r.isNone() ? List.of() : r.coUnits(),
        r.kind() == Responsibility.Kind.JOINT,
        r.othersUnnamed(),
        collectives,
        originalTitle(node),
        originalText(node),
        heading.number(),
        deadline.deadline());
  }

  private static String originalTitle(OutlineNode node) {
    OutlineMarker marker = OutlineMarker.parse(PlanDocument.trim(node.line().original()));
    return marker == null ? null : TitleSplitter.split(marker.rest()).title();
  }

  private static String originalText(OutlineNode node) {
    List<DocumentLine> lines = new ArrayList<>();
    lines.add(node.line());
    lines.addAll(node.allLinesBelow());
    return lines.stream()
        .filter(l -> !l.isBlank())
        .map(l -> PlanDocument.trim(l.original()))
        .collect(Collectors.joining("\n"));
  }
}
