package org.duban.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The rule every task submission passes, whichever API it comes through (complete, submit-form,
 * Tasklist): only the fields the task's form declares ({@link TaskForms}), each with the kind of
 * value it declares, submitted by a member of the group the task belongs to.
 */
@Component
public class TaskInputGuard {

  private final TaskForms forms;

  public TaskInputGuard(TaskForms forms) {
    this.forms = forms;
  }

  /** The fields of a task's form, as {@link TaskForms} declares them. */
  public List<FormField> fieldsOf(TaskEntity task) {
    return forms.of(task.getTaskDefinitionKey());
  }

  public void check(TaskEntity task, Map<String, ?> submitted) {
    List<FormField> fields = forms.of(task.getTaskDefinitionKey());
    for (Map.Entry<String, ?> entry : submitted.entrySet()) {
      FormField field =
          fields.stream()
              .filter(f -> f.name().equals(entry.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new TaskInputRejectedException(
                          "提交未被接受:任务「"
                              + task.getName()
                              + "」的表单没有字段「"
                              + entry.getKey()
                              + "」"
                              + allowed(fields)
                              + "。流程数据只能由系统写入"));
      // a VariableMap hands out plain values (a file as its stream): check the typed value
      Object value =
          submitted instanceof VariableMap typed
              ? typed.getValueTyped(entry.getKey())
              : entry.getValue();
      checkKind(task, field, value);
    }
    checkSubmitter(task);
  }

  private static String allowed(List<FormField> fields) {
    return fields.isEmpty()
        ? ",本步骤不接受任何字段"
        : ",本步骤只接受:"
            + fields.stream()
                .map(f -> f.name() + "(" + f.label() + ")")
                .collect(Collectors.joining("、"));
  }

  private static void checkKind(TaskEntity task, FormField field, Object value) {
    String received = kindOf(value);
    boolean fits =
        switch (field.kind()) {
          case TEXT -> received == null || received.equals("String");
          case FILE -> received == null || received.equals("File");
        };
    if (!fits) {
      throw new TaskInputRejectedException(
          "提交未被接受:任务「"
              + task.getName()
              + "」的字段「"
              + field.name()
              + "」("
              + field.label()
              + ")应为"
              + (field.kind() == FormField.Kind.FILE ? "上传的文件" : "文本")
              + ",收到的是 "
              + received);
    }
  }

  /**
   * What kind of value was sent: "String", "File", another type's name, or null for none. Read from
   * the declared type, never by deserializing the value (an object sent serialized is refused as
   * what it claims to be, not unpacked).
   */
  private static String kindOf(Object value) {
    if (value instanceof FileValue) {
      return "File";
    }
    if (value instanceof TypedValue typed) {
      if (typed.getType() == null || typed.getType().getName().equals("null")) {
        // an untyped value holds the plain object; a null value holds none
        return kindOf(typed.getValue());
      }
      if (typed.getType().getName().equals("string")) {
        return typed.getValue() == null ? null : "String";
      }
      return typed.getType().getName();
    }
    return value == null
        ? null
        : value instanceof String ? "String" : value.getClass().getSimpleName();
  }

  /**
   * A task that belongs to groups is done by a member of one of them: an office that may see a
   * unit's task still cannot file the unit's report. Calls without a logged-in user are the
   * system's.
   */
  private static void checkSubmitter(TaskEntity task) {
    Optional<Authentication> user =
        Optional.ofNullable(Context.getCommandContext()).map(CommandContext::getAuthentication);
    if (user.isEmpty() || user.get().getUserId() == null) {
      return;
    }
    List<String> groups =
        task.getCandidates().stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    List<String> own = user.get().getGroupIds() == null ? List.of() : user.get().getGroupIds();
    if (!groups.isEmpty() && groups.stream().noneMatch(own::contains)) {
      throw new TaskInputRejectedException(
          "提交未被接受:任务「"
              + task.getName()
              + "」由 "
              + String.join("、", groups)
              + " 办理,用户 "
              + user.get().getUserId()
              + " 不属于该单位");
    }
  }
}
