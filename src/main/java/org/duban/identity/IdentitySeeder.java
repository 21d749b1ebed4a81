package org.duban.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.duban.catalog.SystemGroups;
import org.duban.startup.StartupSequence;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds groups and their authorizations from the catalogs, idempotently, on every start (demo and
 * production alike): what each role may open and do.
 *
 * <ul>
 *   <li>units: Tasklist; their tasks come through the engine's candidate-group grants (TASK_WORK);
 *   <li>coordinating offices: Tasklist and Cockpit over their own plan's processes only; their
 *       plan's deliveries to read, not to start (units read no delivery at all);
 *   <li>auditors: Cockpit, read-only over every plan including history.
 * </ul>
 */
@Component
@Order(10)
public class IdentitySeeder implements StartupSequence.Step {

  private final UnitDirectory directory;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final TasklistFilters filters;

  public IdentitySeeder(
      UnitDirectory directory,
      IdentityService identity,
      AuthorizationService authorizations,
      TasklistFilters filters) {
    this.directory = directory;
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @Override
  public void run() {
    Grants grants = new Grants();
    Map<String, String[]> groups = new LinkedHashMap<>();
    for (UnitDirectory.Entry unit : directory.units()) {
      groups.putIfAbsent(unit.id(), new String[] {unit.name(), UnitDirectory.TYPE_UNIT});
      grants.grant(unit.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (String key : unit.processKeys()) {
        grants.grant(unit.id(), Resources.PROCESS_DEFINITION, key, Permissions.READ);
      }
    }
    for (UnitDirectory.Entry office : directory.offices()) {
      groups.putIfAbsent(office.id(), new String[] {office.name(), UnitDirectory.TYPE_OFFICE});
      grants.grant(office.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grants.grant(office.id(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grants.grant(office.id(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      for (String key : office.processKeys()) {
        grants.grant(
            office.id(),
            Resources.PROCESS_DEFINITION,
            key,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.TASK_WORK,
            ProcessDefinitionPermissions.TASK_ASSIGN);
      }
      for (String key : office.readKeys()) {
        grants.grant(
            office.id(),
            Resources.PROCESS_DEFINITION,
            key,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    groups.putIfAbsent(
        UnitDirectory.AUDITORS,
        new String[] {UnitDirectory.AUDITORS_NAME, UnitDirectory.TYPE_AUDIT});
    grants.grant(UnitDirectory.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.grant(
        UnitDirectory.AUDITORS,
        Resources.PROCESS_DEFINITION,
        "*",
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grants.grant(UnitDirectory.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grants.grant(UnitDirectory.AUDITORS, Resources.TASK, "*", Permissions.READ);
    grants.grant(UnitDirectory.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    // everyone may read group names, so Tasklist can show a task's unit by name
    grants.global(Resources.GROUP, "*", Permissions.READ);
    filters.seed().forEach(filterId -> grants.global(Resources.FILTER, filterId, Permissions.READ));

    seedGroups(groups);
    retitle(SystemGroups.ADMINS, SystemGroups.ADMINS_NAME, SystemGroups.ADMINS_TYPE);
    grants.save();
  }

  /** Each group as the catalogs name and type it, read in one query and written if it differs. */
  private void seedGroups(Map<String, String[]> wanted) {
    Map<String, Group> existing = new HashMap<>();
    if (!wanted.isEmpty()) {
      identity
          .createGroupQuery()
          .groupIdIn(wanted.keySet().toArray(String[]::new))
          .list()
          .forEach(g -> existing.put(g.getId(), g));
    }
    wanted.forEach(
        (id, nameAndType) -> {
          Group group = existing.get(id);
          if (group == null) {
            group = identity.newGroup(id);
          } else if (nameAndType[0].equals(group.getName())
              && nameAndType[1].equals(group.getType())) {
            return;
          }
          group.setName(nameAndType[0]);
          group.setType(nameAndType[1]);
          identity.saveGroup(group);
        });
  }

  /** A group Camunda creates (the administrators'): its English name and type become Chinese. */
  private void retitle(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group != null && !(name.equals(group.getName()) && type.equals(group.getType()))) {
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /**
   * The authorizations to be there, collected first (a second grant of the same group, resource and
   * id adds its permissions to the first), then compared with what the engine holds in a few
   * queries, one per authorization type and resource type, and only what is missing written.
   */
  private final class Grants {

    private record Key(int type, String groupId, int resourceType, String resourceId) {}

    private final Map<Key, Set<Permission>> wanted = new LinkedHashMap<>();

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      add(new Key(AUTH_TYPE_GRANT, groupId, resource.resourceType(), resourceId), permissions);
    }

    void global(Resource resource, String resourceId, Permission... permissions) {
      add(new Key(AUTH_TYPE_GLOBAL, null, resource.resourceType(), resourceId), permissions);
    }

    private void add(Key key, Permission... permissions) {
      wanted
          .computeIfAbsent(key, k -> new java.util.LinkedHashSet<>())
          .addAll(java.util.Arrays.asList(permissions));
    }

    void save() {
      Map<Key, Authorization> existing = existing();
      wanted.forEach(
          (key, permissions) -> {
            Authorization auth = existing.get(key);
            boolean changed = auth == null;
            if (auth == null) {
              auth = authorizations.createNewAuthorization(key.type());
              if (key.type() == AUTH_TYPE_GLOBAL) {
                auth.setUserId(Authorization.ANY);
              } else {
                auth.setGroupId(key.groupId());
              }
              auth.setResourceType(key.resourceType());
              auth.setResourceId(key.resourceId());
            }
            for (Permission p : permissions) {
              if (!auth.isPermissionGranted(p)) {
                auth.addPermission(p);
                changed = true;
              }
            }
            if (changed) {
              authorizations.saveAuthorization(auth);
            }
          });
    }

    /**
     * What the engine holds of the wanted authorizations: per authorization type and resource type,
     * one query over the groups concerned (and only resource id "*" where that is the only one
     * wanted, so that the engine's own grants on single tasks of the units are not read).
     */
    private Map<Key, Authorization> existing() {
      Map<List<Integer>, List<Key>> byType = new LinkedHashMap<>();
      wanted
          .keySet()
          .forEach(
              k ->
                  byType
                      .computeIfAbsent(List.of(k.type(), k.resourceType()), t -> new ArrayList<>())
                      .add(k));
      Map<Key, Authorization> existing = new HashMap<>();
      byType.forEach(
          (type, keys) -> {
            AuthorizationQuery query =
                authorizations
                    .createAuthorizationQuery()
                    .authorizationType(type.get(0))
                    .resourceType(type.get(1));
            if (type.get(0) == AUTH_TYPE_GRANT) {
              query.groupIdIn(keys.stream().map(Key::groupId).distinct().toArray(String[]::new));
            } else {
              query.userIdIn(Authorization.ANY);
            }
            List<String> ids = keys.stream().map(Key::resourceId).distinct().toList();
            if (ids.size() == 1) {
              query.resourceId(ids.get(0));
            }
            for (Authorization auth : query.list()) {
              Key key =
                  new Key(
                      auth.getAuthorizationType(),
                      type.get(0) == AUTH_TYPE_GRANT ? auth.getGroupId() : null,
                      auth.getResourceType(),
                      auth.getResourceId());
              if (wanted.containsKey(key)) {
                existing.putIfAbsent(key, auth);
              }
            }
          });
      return existing;
    }
  }
}
