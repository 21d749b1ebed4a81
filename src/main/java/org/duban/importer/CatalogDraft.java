package org.duban.importer;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.catalog.PlanCatalog;

/**
 * A catalog as the writer puts it on paper: the catalog itself and what a reviewer should look at
 * beside it. Only {@link #catalog} is read back; everything else becomes YAML comments.
 *
 * @param header comment lines above the catalog, each starting with "#"; empty for the writer's own
 *     header. An import with a base keeps the base file's header here, so that its review notes
 *     survive.
 * @param problems what reading the plan document found (warnings become "# review" comments)
 * @param baseNotes what merging the document into the reviewed base catalog found: tasks added or
 *     no longer in the document, new units, values where the document and the base disagree
 * @param taskNotes comments above a task, by task number
 * @param unitNotes comments above a unit, by group id
 */
public record CatalogDraft(
    PlanCatalog catalog,
    List<String> header,
    List<ImportProblem> problems,
    List<ImportProblem> baseNotes,
    Map<String, List<String>> taskNotes,
    Map<String, List<String>> unitNotes) {

  public CatalogDraft {
    header = List.copyOf(header);
    problems = List.copyOf(problems);
    baseNotes = List.copyOf(baseNotes);
    taskNotes = immutable(taskNotes);
    unitNotes = immutable(unitNotes);
  }

  private static Map<String, List<String>> immutable(Map<String, List<String>> notes) {
    return notes.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
  }

  /** A catalog as it is (one that was read, say), with no notes. */
  public static CatalogDraft of(PlanCatalog catalog) {
    return new CatalogDraft(catalog, List.of(), List.of(), List.of(), Map.of(), Map.of());
  }

  /** The draft a plan document gives on its own: plan facts, units with proposed ids, tasks. */
  public static CatalogDraft of(ImportResult result) {
    return CatalogMerge.fromDocument(result);
  }

  /**
   * The draft of a plan document against its reviewed catalog: everything the base has is kept as
   * it is, what only the document has is added, and every difference is a base note.
   */
  public static CatalogDraft of(ImportResult result, PlanCatalog base) {
    return base == null ? of(result) : CatalogMerge.intoBase(result, base);
  }

  public CatalogDraft withHeader(List<String> lines) {
    return new CatalogDraft(catalog, lines, problems, baseNotes, taskNotes, unitNotes);
  }
}
