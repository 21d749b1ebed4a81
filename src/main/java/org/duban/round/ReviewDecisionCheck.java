package org.duban.round;

import static org.duban.round.RoundVariables.*;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The rules of a review: a decision is required; a return needs its reason (the lead reads it);
 * acceptance needs a rating; close-out (销号) only in the plan's final year. Runs at submit and
 * again at completion, so it only checks and normalizes: counting returns is {@link ReturnCounter}'s.
 */
@Component("reviewDecisionCheck")
public class ReviewDecisionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ReviewDecision decision = parse(ReviewDecision.class, task.getVariable(REVIEW_DECISION),
        "「审核结论」为必填项:办结、退回或销号");
    task.setVariable(REVIEW_DECISION, decision.name());
    Object rating = task.getVariable(REVIEW_RATING);
    switch (decision) {
      case RETURN -> {
        String reason = text(task.getVariable(RETURN_REASON));
        if (reason.isEmpty()) {
          throw new ReportRejectedException("审核未提交:退回时必须填写「退回原因」,牵头单位将看到该原因");
        }
        if (rating != null && !text(rating).isEmpty()) {
          task.setVariable(REVIEW_RATING, parse(Rating.class, rating, "「评价等级」无效").name());
        }
      }
      case ACCEPT, CLOSE_OUT -> {
        if (decision == ReviewDecision.CLOSE_OUT && !Boolean.TRUE.equals(task.getVariable(FINAL_YEAR))) {
          throw new ReportRejectedException("审核未提交:只有规划末年的轮次才能销号,本轮为 " + task.getVariable(YEAR) + " 年度");
        }
        task.setVariable(REVIEW_RATING, parse(Rating.class, rating, "「评价等级」为必填项:优秀、良好、一般或差").name());
        task.setVariable(RETURN_REASON, null);
      }
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object value, String message) {
    String text = text(value);
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(text) || label(e).equals(text))
        .findFirst()
        .orElseThrow(() -> new ReportRejectedException("审核未提交:" + message));
  }

  private static String label(Enum<?> e) {
    return e instanceof ReviewDecision d ? d.label : e instanceof Rating r ? r.label : e.name();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
