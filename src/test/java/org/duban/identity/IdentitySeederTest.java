package org.duban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.SystemGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeding reads what the engine holds in a few queries and writes only what is missing: a second
 * run writes nothing, and whatever was changed or removed in between is put back.
 */
class IdentitySeederTest {

  private ProcessEngine engine;
  private IdentityService identity;
  private AuthorizationService authorizations;
  private IdentitySeeder seeder;
  private PlanCatalogs catalogs;

  @BeforeEach
  void startEngine() {
    // group ids as application.yaml allows them (wuzhong-gonganju)
    var configuration =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:seeder-" + UUID.randomUUID())
                .setJobExecutorActivate(false);
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    engine = configuration.buildProcessEngine();
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
    catalogs = PlanCatalogs.load(List.of("file:plans/*.yaml"));
    seeder =
        new IdentitySeeder(
            new UnitDirectory(catalogs),
            identity,
            authorizations,
            new TasklistFilters(engine.getFilterService(), engine.getTaskService()));
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  /** Every authorization by what it is about → its permissions, and its revision. */
  private Map<String, String> authorizationsHeld() {
    Map<String, String> held = new TreeMap<>();
    for (Authorization a : authorizations.createAuthorizationQuery().list()) {
      held.put(
          a.getAuthorizationType()
              + " "
              + (a.getGroupId() != null ? "group " + a.getGroupId() : "user " + a.getUserId())
              + " "
              + a.getResourceType()
              + " "
              + a.getResourceId(),
          Integer.toBinaryString(
              ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a)
                  .getPermissions()));
    }
    return held;
  }

  private Map<String, Integer> revisions() {
    Map<String, Integer> revisions = new TreeMap<>();
    authorizations
        .createAuthorizationQuery()
        .list()
        .forEach(
            a ->
                revisions.put(
                    a.getId(),
                    ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a)
                        .getRevision()));
    identity
        .createGroupQuery()
        .list()
        .forEach(
            g ->
                revisions.put(
                    "group " + g.getId(),
                    ((org.camunda.bpm.engine.impl.persistence.entity.GroupEntity) g)
                        .getRevision()));
    return revisions;
  }

  private String anOffice() {
    return catalogs.all().get(0).plan().coordinatingOffice().id();
  }

  private Authorization grantOf(String group, Resources resource, String resourceId) {
    return authorizations
        .createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  @Test
  void shouldSeedGroupsAndGrantsOnceAndWriteNothingTheSecondTime() {
    seeder.run();
    Map<String, String> seeded = authorizationsHeld();
    Map<String, Integer> revisions = revisions();
    assertThat(seeded).hasSizeGreaterThan(100);
    assertThat(identity.createGroupQuery().groupId(anOffice()).singleResult().getType())
        .isEqualTo(UnitDirectory.TYPE_OFFICE);
    assertThat(
            grantOf(UnitDirectory.AUDITORS, Resources.TASK, "*")
                .isPermissionGranted(Permissions.READ))
        .isTrue();

    seeder.run();

    assertThat(authorizationsHeld()).isEqualTo(seeded);
    assertThat(revisions()).isEqualTo(revisions);
  }

  @Test
  void shouldPutBackWhatWasChangedOrRemovedAndKeepWhatWasAdded() {
    seeder.run();
    Map<String, String> seeded = authorizationsHeld();
    String office = anOffice();
    // an office re-typed and renamed, its Cockpit access deleted, a permission of a process
    // definition grant revoked; the auditors given one more permission by hand
    Group group = identity.createGroupQuery().groupId(office).singleResult();
    String name = group.getName();
    group.setType("WORKFLOW");
    group.setName("renamed");
    identity.saveGroup(group);
    authorizations.deleteAuthorization(grantOf(office, Resources.APPLICATION, "cockpit").getId());
    String key = new UnitDirectory(catalogs).offices().get(0).processKeys().iterator().next();
    Authorization definition = grantOf(office, Resources.PROCESS_DEFINITION, key);
    definition.removePermission(ProcessDefinitionPermissions.TASK_ASSIGN);
    authorizations.saveAuthorization(definition);
    Authorization auditorsTasks = grantOf(UnitDirectory.AUDITORS, Resources.TASK, "*");
    auditorsTasks.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(auditorsTasks);
    Group admins = identity.newGroup(SystemGroups.ADMINS);
    admins.setName("Camunda BPM Administrators");
    admins.setType("SYSTEM");
    identity.saveGroup(admins);

    seeder.run();

    Group back = identity.createGroupQuery().groupId(office).singleResult();
    assertThat(back.getType()).isEqualTo(UnitDirectory.TYPE_OFFICE);
    assertThat(back.getName()).isEqualTo(name);
    assertThat(identity.createGroupQuery().groupId(SystemGroups.ADMINS).singleResult().getName())
        .isEqualTo(SystemGroups.ADMINS_NAME);
    assertThat(
            grantOf(office, Resources.APPLICATION, "cockpit")
                .isPermissionGranted(Permissions.ACCESS))
        .isTrue();
    assertThat(
            grantOf(office, Resources.PROCESS_DEFINITION, key)
                .isPermissionGranted(ProcessDefinitionPermissions.TASK_ASSIGN))
        .isTrue();
    assertThat(
            grantOf(UnitDirectory.AUDITORS, Resources.TASK, "*")
                .isPermissionGranted(Permissions.UPDATE))
        .isTrue();
    Map<String, String> now = authorizationsHeld();
    now.remove(
        Authorization.AUTH_TYPE_GRANT
            + " group "
            + UnitDirectory.AUDITORS
            + " "
            + Resources.TASK.resourceType()
            + " *");
    seeded.remove(
        Authorization.AUTH_TYPE_GRANT
            + " group "
            + UnitDirectory.AUDITORS
            + " "
            + Resources.TASK.resourceType()
            + " *");
    assertThat(now).isEqualTo(seeded);
  }
}
