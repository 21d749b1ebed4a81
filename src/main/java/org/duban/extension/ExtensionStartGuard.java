package org.duban.extension;

import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The extension process has one way in: {@link ExtensionRequests}, after it has checked the request
 * against the unit's open task. Any other start (an administrator's REST call, Tasklist's 发起流程, a
 * forged variable map) would carry dates and units nobody checked, so it is refused. The engine
 * runs the start listener in the caller's thread, which lets a thread-local mark the checked start.
 */
@Component("extensionStartGuard")
public class ExtensionStartGuard implements ExecutionListener {

  private static final ThreadLocal<Boolean> CHECKED = ThreadLocal.withInitial(() -> false);

  static <T> T admit(Supplier<T> start) {
    CHECKED.set(true);
    try {
      return start.get();
    } finally {
      CHECKED.remove();
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!CHECKED.get()) {
      throw new BadUserRequestException(
          "启动未被接受:延期申请只能由责任单位在本单位的报送任务中提出(申请延期,POST /api/extensions),不能直接启动流程");
    }
  }
}
