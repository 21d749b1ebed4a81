package org.duban.targets;

import java.math.BigDecimal;

/**
 * One target of a round against what its lead reported: the indicator, the value for the year, the
 * target the round declared (the year's own, or the next year the plan states one for), the gap and
 * the verdict. What the review form, the supervisors' views and the evaluation show.
 *
 * @param targetYear the year of {@code targetValue}; the verdict needs it to be {@code year}
 * @param reported the lead's value, null before the lead has reported
 * @param gap reported minus target value, null without a verdict
 */
public record TargetResult(
    String indicator,
    String unit,
    String direction,
    int year,
    BigDecimal reported,
    Integer targetYear,
    BigDecimal targetValue,
    BigDecimal gap,
    String verdict,
    String verdictLabel) {}
