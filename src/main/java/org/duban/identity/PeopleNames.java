package org.duban.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
