package org.duban.round;

import static org.duban.names.RoundVariables.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.forms.FormRejectedException;
import org.duban.names.Rating;
import org.duban.names.ReviewDecision;
import org.springframework.stereotype.Component;

/**
 * The rules of a review: a decision is required; a return needs its reason (the lead reads it);
 * acceptance needs a rating; close-out (销号) only in the plan's final year. The review arrives local
 * to the task; on completion the checked, normalized decision is written to the round, where the
 * decision gateway and the lead read it. Counting returns is {@link ReturnCounter}'s.
 */
@Component("reviewDecisionCheck")
public class ReviewDecisionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecision decision =
        parse(
            ReviewDecision.class,
            task.getVariableLocal(REVIEW_DECISION),
            "「审核结论」为必填项:" + ReviewDecision.choices());
    String rawRating = text(task.getVariableLocal(REVIEW_RATING));
    String reason = text(task.getVariableLocal(RETURN_REASON));
    String rating = null;
    switch (decision) {
      case RETURN -> {
        if (reason.isEmpty()) {
          throw new FormRejectedException("审核未提交:退回时必须填写「退回原因」,牵头单位将看到该原因");
        }
        if (!rawRating.isEmpty()) {
          rating = parse(Rating.class, rawRating, "「评价等级」无效").name();
        }
      }
      case ACCEPT, CLOSE_OUT -> {
        if (decision == ReviewDecision.CLOSE_OUT
            && !Boolean.TRUE.equals(task.getVariable(FINAL_YEAR))) {
          throw new FormRejectedException(
              "审核未提交:只有规划末年的轮次才能销号,本轮为 " + task.getVariable(YEAR) + " 年度");
        }
        rating = parse(Rating.class, rawRating, "「评价等级」为必填项:" + Rating.choices()).name();
        reason = "";
      }
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return; // checked at submission; recorded when the task completes
    }
    Map<String, Object> review = new HashMap<>();
    review.put(REVIEW_DECISION, decision.name());
    review.put(REVIEW_RATING, rating);
    review.put(RETURN_REASON, reason.isEmpty() ? null : reason);
    String comment = text(task.getVariableLocal(REVIEW_COMMENT));
    review.put(REVIEW_COMMENT, comment.isEmpty() ? null : comment);
    task.getExecution().getProcessInstance().setVariables(review);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object value, String message) {
    String text = text(value);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(text) || label(e).equals(text))
        .findFirst()
        .orElseThrow(() -> new FormRejectedException("审核未提交:" + message));
  }

  private static String label(Enum<?> e) {
    return e instanceof ReviewDecision d ? d.label : e instanceof Rating r ? r.label : e.name();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
