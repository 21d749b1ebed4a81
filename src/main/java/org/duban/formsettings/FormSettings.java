package org.duban.formsettings;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.duban.evidence.EvidencePolicy;
import org.duban.names.CompletionStatus;
import org.duban.names.Rating;
import org.duban.names.ReviewDecision;
import org.duban.round.RoundOutcome;

/**
 * What the Tasklist forms show of the server's rules, read by them at run time (GET
 * /api/forms/settings) so that a rule and its wording live in one place: the evidence limits of
 * {@link EvidencePolicy} (the fields {@code TaskForms} declares follow the same max-files) and the
 * choices of the enums the server parses submissions with.
 */
public record FormSettings(
    Evidence evidence,
    List<Option> completionStatus,
    List<Option> rating,
    List<Option> reviewDecision,
    String commendationRule) {

  /**
   * @param maxFiles file fields a report offers (evidence1 … evidenceN)
   * @param maxBytes the cap on one file, for the fields' {@code cam-max-filesize}
   * @param maxSize the cap as people read it ("10 MB")
   * @param types the allowed types as people name them ("PDF、OFD、…")
   * @param accept file name extensions for the fields' {@code accept} (".pdf,.ofd,…")
   * @param help the sentence the form shows under 佐证材料
   */
  public record Evidence(
      int maxFiles, long maxBytes, String maxSize, String types, String accept, String help) {}

  /**
   * One choice of a select: the value submitted and the label shown.
   *
   * @param finalYearOnly offered only in the plan's final year (销号)
   */
  public record Option(String value, String label, boolean finalYearOnly) {}

  public static FormSettings of(EvidencePolicy policy) {
    return new FormSettings(
        new Evidence(
            policy.maxFiles(),
            policy.maxBytes(),
            policy.maxSizeText(),
            policy.allowedLabels(),
            policy.acceptedExtensions(),
            policy.helpText()),
        options(CompletionStatus.class, s -> s.label, s -> false),
        options(Rating.class, r -> r.label, r -> false),
        options(ReviewDecision.class, d -> d.choice, ReviewDecision::finalYearOnly),
        RoundOutcome.commendationRule());
  }

  private static <E extends Enum<E>> List<Option> options(
      Class<E> type, Function<E, String> label, Function<E, Boolean> finalYearOnly) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> new Option(e.name(), label.apply(e), finalYearOnly.apply(e)))
        .toList();
  }
}
