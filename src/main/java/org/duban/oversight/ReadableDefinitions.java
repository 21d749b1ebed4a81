package org.duban.oversight;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which process definitions the caller may read, as the engine decides it ({@link
 * AuthorizationService#isUserAuthorized} over the caller's user and groups, revokes included): one
 * check for a grant on every definition, else one per definition of the caller's plans, never one
 * per task. The views then query within exactly these definitions without the engine's per-row
 * checks, which cost ten times the query itself at 10,000 open tasks (bench/oversight.sh); every
 * grant of this project (IdentitySeeder) is per definition key or on all definitions.
 */
@Component
public class ReadableDefinitions {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public ReadableDefinitions(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** The keys among {@code keys} on which the caller holds {@code permission}; none unknown. */
  public Set<String> of(Permission permission, Collection<String> keys) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return Set.of();
    }
    String user = caller.getUserId();
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (authorizations.isUserAuthorized(
        user, groups, permission, Resources.PROCESS_DEFINITION, "*")) {
      return new LinkedHashSet<>(keys);
    }
    Set<String> readable = new LinkedHashSet<>();
    for (String key : keys) {
      if (authorizations.isUserAuthorized(
          user, groups, permission, Resources.PROCESS_DEFINITION, key)) {
        readable.add(key);
      }
    }
    return readable;
  }
}
