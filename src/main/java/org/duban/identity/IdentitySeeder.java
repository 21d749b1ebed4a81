package org.duban.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
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
    for (UnitDirectory.Entry unit : directory.units()) {
      group(unit.id(), unit.name(), UnitDirectory.TYPE_UNIT);
      grant(unit.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      for (String key : unit.processKeys()) {
        grant(unit.id(), Resources.PROCESS_DEFINITION, key, Permissions.READ);
      }
    }
    for (UnitDirectory.Entry office : directory.offices()) {
      group(office.id(), office.name(), UnitDirectory.TYPE_OFFICE);
      grant(office.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(office.id(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(office.id(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      for (String key : office.processKeys()) {
        grant(
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
        grant(
            office.id(),
            Resources.PROCESS_DEFINITION,
            key,
            ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE,
            ProcessDefinitionPermissions.READ_HISTORY);
      }
    }
    group(UnitDirectory.AUDITORS, UnitDirectory.AUDITORS_NAME, UnitDirectory.TYPE_AUDIT);
    retitle(SystemGroups.ADMINS, SystemGroups.ADMINS_NAME, SystemGroups.ADMINS_TYPE);
    grant(UnitDirectory.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(
        UnitDirectory.AUDITORS,
        Resources.PROCESS_DEFINITION,
        "*",
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(UnitDirectory.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(UnitDirectory.AUDITORS, Resources.TASK, "*", Permissions.READ);
    grant(UnitDirectory.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
    // everyone may read group names, so Tasklist can show a task's unit by name
    global(Resources.GROUP, "*", Permissions.READ);
    filters.seed().forEach(filterId -> global(Resources.FILTER, filterId, Permissions.READ));
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

  private void group(String id, String name, String type) {
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identity.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization auth =
        existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    save(auth, permissions);
  }

  private void global(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GLOBAL)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    Authorization auth =
        existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    if (existing == null) {
      auth.setUserId(Authorization.ANY);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    save(auth, permissions);
  }

  private void save(Authorization auth, Permission... permissions) {
    boolean changed = auth.getId() == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }
}
