package org.duban.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.duban.identity.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * Auditors read, they never write. The engine's authorizations cover every write but comments and
 * attachments: Camunda 7.24's AddCommentCmd, UpdateCommentCmd, Delete*CommentCmd and the attachment
 * commands check no permission at all, so READ on a task is enough to comment on it, attach to it,
 * or delete its attachments. This interceptor refuses those commands for members of {@value
 * UnitDirectory#AUDITORS}, for every caller of the engine (REST, Tasklist, Java).
 */
@Component
public class AuditorsReadOnly extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "审计人员只能查阅,不能添加、修改或删除评论和附件。";

  private static final List<Class<?>> COMMENT_AND_ATTACHMENT_WRITES =
      List.of(
          AddCommentCmd.class,
          UpdateCommentCmd.class,
          DeleteTaskCommentCmd.class,
          DeleteProcessInstanceCommentCmd.class,
          CreateAttachmentCmd.class,
          SaveAttachmentCmd.class,
          DeleteAttachmentCmd.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new Guard());
    return all;
  }

  static boolean isRefused(Command<?> command, Authentication caller) {
    return caller != null
        && caller.getGroupIds() != null
        && caller.getGroupIds().contains(UnitDirectory.AUDITORS)
        && COMMENT_AND_ATTACHMENT_WRITES.stream().anyMatch(type -> type.isInstance(command));
  }

  /**
   * Runs inside the command context (a post interceptor), where the caller's authentication is
   * known.
   */
  private static final class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (context != null && isRefused(command, context.getAuthentication())) {
        throw new WriteRefusedException(MESSAGE);
      }
      return next.execute(command);
    }
  }
}
