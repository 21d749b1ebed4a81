package org.duban.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.duban.engine.SystemQueries;
import org.springframework.stereotype.Component;

/** How a person is named to others in reports and notices: "张伟(zhangwei)", or the login alone. */
@Component
public class PeopleNames {

  private final IdentityService identity;

  public PeopleNames(IdentityService identity) {
    this.identity = identity;
  }

  public String of(String userId) {
    if (userId == null) {
      return null;
    }
    // the engine lets users read no other user; naming a handler is the system's act
    User user = SystemQueries.run(() -> identity.createUserQuery().userId(userId).singleResult());
    return display(userId, user);
  }

  /**
   * Many people at once, in one query (a ledger names thousands of handlers): id → name as above.
   * Called from a request too, where the caller's authentication would hide every other user.
   */
  public Map<String, String> of(Collection<String> userIds) {
    String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    Map<String, String> names = new HashMap<>();
    if (ids.length == 0) {
      return names;
    }
    Map<String, User> users = new HashMap<>();
    asSystem(() -> identity.createUserQuery().userIdIn(ids).list())
        .forEach(u -> users.put(u.getId(), u));
    for (String id : ids) {
      names.put(id, display(id, users.get(id)));
    }
    return names;
  }

  private <T> List<T> asSystem(Supplier<List<T>> query) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || Context.getCommandContext() != null) {
      return SystemQueries.run(query);
    }
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  private static String display(String userId, User user) {
    if (user == null) {
      return userId;
    }
    String name =
        ((user.getLastName() == null ? "" : user.getLastName())
                + (user.getFirstName() == null ? "" : user.getFirstName()))
            .trim();
    return name.isEmpty() ? userId : name + "(" + userId + ")";
  }
}
