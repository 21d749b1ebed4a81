package org.duban.round;

import static org.duban.names.RoundVariables.RETURN_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Counts a return for rework when the review's "退回" flow is taken: once per return. */
@Component("returnCounter")
public class ReturnCounter implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(
        RETURN_COUNT, ((Number) execution.getVariable(RETURN_COUNT)).intValue() + 1);
  }
}
