package org.duban.oversight;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which process definitions the caller may read, as the engine decides it ({@link
 * AuthorizationService#isUserAuthorized} over the caller's user and groups, revokes included): one
 * check for a grant on every definition (plus one per definition that a revoke names, which that
 * check does not see), else one per definition of the caller's plans, never one per task. The views
 * then query within exactly these definitions without the engine's per-row checks, which cost ten
 * times the query itself at 10,000 open tasks (bench/oversight.sh); every grant of this project
 * (IdentitySeeder) is per definition key or on all definitions.
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
    boolean everyDefinition =
        authorizations.isUserAuthorized(
            user, groups, permission, Resources.PROCESS_DEFINITION, "*");
    // the check on "*" sees no revoke on one definition: those keys are asked one by one
    Set<String> revoked = everyDefinition ? revokedKeys(caller) : Set.of();
    Set<String> readable = new LinkedHashSet<>();
    for (String key : keys) {
      if (everyDefinition && !revoked.contains(key)
          || authorizations.isUserAuthorized(
              user, groups, permission, Resources.PROCESS_DEFINITION, key)) {
        readable.add(key);
      }
    }
    return readable;
  }

  /**
   * The definition keys that some revoke names, whoever it is for: read as the system, since the
   * caller may not read authorizations (and would then see none).
   */
  private Set<String> revokedKeys(Authentication caller) {
    identity.clearAuthentication();
    try {
      Set<String> keys = new HashSet<>();
      authorizations
          .createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_REVOKE)
          .resourceType(Resources.PROCESS_DEFINITION)
          .list()
          .forEach(a -> keys.add(a.getResourceId()));
      return keys;
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
