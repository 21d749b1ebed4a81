package org.duban.oversight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * Which process definitions the caller may read, as the engine decides it ({@link
 * AuthorizationService#isUserAuthorized} over the caller's user and groups, revokes included): one
 * check for a grant on every definition (plus one per definition that a revoke names, which that
 * check does not see), else one per definition of the caller's plans, never one per task. The views
 * then query within exactly these definitions without the engine's per-row checks, which cost ten
 * times the query itself at 10,000 open tasks (bench/oversight.sh); every grant of this project
 * (IdentitySeeder) is per definition key or on all definitions.
 *
 * <p>The engine's answer depends on nothing but the process-definition authorizations of the
 * caller's user, of its groups and of everyone ({@code *}): the answer is kept with a fingerprint
 * of exactly those rows, read afresh on every call in three small queries, and asked again of the
 * engine as soon as any of them is created, changed or deleted. A grant or revoke thus takes effect
 * on the next view, as it would without the cache.
 */
@Component
public class ReadableDefinitions {

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  private record Question(String permission, String user, Set<String> groups, Set<String> keys) {}

  private record Answer(Set<String> fingerprint, Set<String> readable) {}

  private final Cache<Question, Answer> answers =
      Caffeine.newBuilder().maximumSize(2_000).expireAfterAccess(Duration.ofHours(1)).build();

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
    Question question =
        new Question(permission.getName(), user, Set.copyOf(groups), Set.copyOf(keys));
    Set<String> fingerprint = asSystem(caller, () -> fingerprint(user, groups));
    Answer known = answers.getIfPresent(question);
    if (known != null && known.fingerprint().equals(fingerprint)) {
      return known.readable();
    }
    Set<String> readable = Set.copyOf(ask(caller, user, groups, permission, keys));
    answers.put(question, new Answer(fingerprint, readable));
    return readable;
  }

  private Set<String> ask(
      Authentication caller,
      String user,
      List<String> groups,
      Permission permission,
      Collection<String> keys) {
    boolean everyDefinition =
        authorizations.isUserAuthorized(
            user, groups, permission, Resources.PROCESS_DEFINITION, "*");
    // the check on "*" sees no revoke on one definition: those keys are asked one by one
    Set<String> revoked = everyDefinition ? asSystem(caller, this::revokedKeys) : Set.of();
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
   * Every authorization that can bear on the caller's answer, whole (identity, kind, owner,
   * resource and permission bits): the process-definition ones of the caller's user, of its groups
   * and of everyone, and the caller's revokes on anything.
   */
  private Set<String> fingerprint(String user, List<String> groups) {
    Set<String> rows = new TreeSet<>();
    ownedByCaller(user, groups, q -> q.resourceType(Resources.PROCESS_DEFINITION), rows);
    // whether the engine checks revokes at all ("auto") depends on any revoke of the caller's
    ownedByCaller(user, groups, q -> q.authorizationType(Authorization.AUTH_TYPE_REVOKE), rows);
    return rows;
  }

  /** The authorizations of the caller's user, of everyone and of its groups that match. */
  private void ownedByCaller(
      String user,
      List<String> groups,
      UnaryOperator<AuthorizationQuery> narrow,
      Set<String> rows) {
    narrow
        .apply(authorizations.createAuthorizationQuery().userIdIn(user, Authorization.ANY))
        .list()
        .forEach(a -> rows.add(row(a)));
    if (!groups.isEmpty()) {
      narrow
          .apply(authorizations.createAuthorizationQuery().groupIdIn(groups.toArray(String[]::new)))
          .list()
          .forEach(a -> rows.add(row(a)));
    }
  }

  private static String row(Authorization a) {
    int permissions = a instanceof AuthorizationEntity entity ? entity.getPermissions() : -1;
    return String.join(
        "|",
        a.getId(),
        String.valueOf(a.getAuthorizationType()),
        String.valueOf(a.getUserId()),
        String.valueOf(a.getGroupId()),
        a.getResourceId(),
        String.valueOf(permissions));
  }

  /**
   * The definition keys that a revoke names, whoever it is for, or a global authorization of their
   * own (which may grant less than the caller's grant on all): each is asked of the engine. Read as
   * the system, since the caller may not read authorizations (and would then see none).
   */
  private Set<String> revokedKeys() {
    Set<String> keys = new HashSet<>();
    for (int type : new int[] {Authorization.AUTH_TYPE_REVOKE, Authorization.AUTH_TYPE_GLOBAL}) {
      authorizations
          .createAuthorizationQuery()
          .authorizationType(type)
          .resourceType(Resources.PROCESS_DEFINITION)
          .list()
          .forEach(a -> keys.add(a.getResourceId()));
    }
    keys.remove(Authorization.ANY);
    return keys;
  }

  private <T> T asSystem(Authentication caller, Supplier<T> query) {
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }
}
