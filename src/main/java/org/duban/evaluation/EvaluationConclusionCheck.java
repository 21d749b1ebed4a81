package org.duban.evaluation;

import static org.duban.names.EvaluationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.forms.FormRejectedException;
import org.springframework.stereotype.Component;

/** An evaluation is closed with the office's written conclusion. */
@Component("evaluationConclusionCheck")
public class EvaluationConclusionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object conclusion = task.getVariableLocal(CONCLUSION);
    if (conclusion == null || conclusion.toString().isBlank()) {
      throw new FormRejectedException("评估未提交:「评估结论」为必填项");
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      task.getExecution()
          .getProcessInstance()
          .setVariable(CONCLUSION, conclusion.toString().trim());
    }
  }
}
