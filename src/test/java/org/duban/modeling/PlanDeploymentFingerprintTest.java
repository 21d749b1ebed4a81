package org.duban.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.duban.catalog.PlanCatalogs;
import org.duban.config.DubanProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with the catalogs and code the plans were deployed from builds no model; anything else
 * that could change a model (the catalog's text, the code, the clock passing a timer's last
 * occurrence, another deployment of the plan since) builds them, and the engine deploys a new
 * version when they changed.
 */
class PlanDeploymentFingerprintTest {

  private static final String CODE = "code-1";
  private static final List<String> PLANS = List.of("jilin-2020", "wuzhong-2022");

  @TempDir Path dir;
  private ProcessEngine engine;
  private RepositoryService repository;

  @BeforeEach
  void startEngine() throws IOException {
    ClockUtil.setCurrentTime(Timestamp.valueOf("2021-03-01 00:00:00"));
    for (String plan : PLANS) {
      Files.copy(Path.of("plans", plan + ".yaml"), dir.resolve(plan + ".yaml"));
    }
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:fingerprint-" + UUID.randomUUID())
            .setJobExecutorActivate(false)
            .buildProcessEngine();
    repository = engine.getRepositoryService();
  }

  @AfterEach
  void stopEngine() {
    engine.close();
    ClockUtil.reset();
  }

  /**
   * As at a start, a minute after the last one (the engine's latest deployment of a name is the
   * latest by time): the catalogs read from their files anew, a new deployment bean.
   */
  /** No round is open in this engine: nothing to do about replaced timers. */
  private static final ReplacedTimers JUST_DEPLOY =
      new ReplacedTimers() {
        @Override
        public <T> T around(
            org.duban.catalog.PlanCatalog plan, java.util.function.Supplier<T> deployment) {
          return deployment.get();
        }
      };

  private PlanDeployment start(String code) {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    return new PlanDeployment(
        PlanCatalogs.load(List.of("file:" + dir + "/*.yaml")),
        repository,
        engine.getManagementService(),
        new DubanProperties(null, null, null, null, null, null, null, null, null),
        JUST_DEPLOY,
        code);
  }

  private static long fresh(List<DeploymentWithDefinitions> deployments) {
    return deployments.stream()
        .filter(d -> d.getDeployedProcessDefinitions() != null)
        .filter(d -> !d.getDeployedProcessDefinitions().isEmpty())
        .count();
  }

  private long deploymentCount() {
    return repository.createDeploymentQuery().count();
  }

  @Test
  void shouldBuildNothingOnARestartWithTheSameCatalogsAndCode() {
    PlanDeployment first = start(CODE);
    assertThat(fresh(first.deployAll())).isEqualTo(2);
    assertThat(first.plansBuilt()).isEqualTo(2);

    PlanDeployment restart = start(CODE);
    assertThat(restart.deployAll()).isEmpty();
    assertThat(restart.plansBuilt()).isZero();
    assertThat(deploymentCount()).isEqualTo(2);

    // the same again a day later: no timer decision turned meanwhile
    ClockUtil.setCurrentTime(Timestamp.valueOf("2021-03-02 00:00:00"));
    PlanDeployment again = start(CODE);
    again.deployAll();
    assertThat(again.plansBuilt()).isZero();
  }

  @Test
  void shouldDeployANewVersionOfAPlanWhoseCatalogChanged() throws IOException {
    start(CODE).deployAll();
    Path catalog = dir.resolve("jilin-2020.yaml");
    Files.writeString(
        catalog,
        Files.readString(catalog, StandardCharsets.UTF_8).replace("city: 吉林", "city: 吉林省"),
        StandardCharsets.UTF_8);

    PlanDeployment restart = start(CODE);
    List<DeploymentWithDefinitions> deployed = restart.deployAll();

    assertThat(restart.plansBuilt()).isEqualTo(1);
    assertThat(fresh(deployed)).isEqualTo(1);
    assertThat(deployed.get(0).getName()).isEqualTo("duban-jilin-2020");
    assertThat(deploymentCount()).isEqualTo(3);
    // and the changed plan is recorded in turn
    PlanDeployment next = start(CODE);
    next.deployAll();
    assertThat(next.plansBuilt()).isZero();
  }

  @Test
  void shouldBuildButNotDeployWhenOnlyACommentOfTheCatalogChanged() throws IOException {
    start(CODE).deployAll();
    Path catalog = dir.resolve("wuzhong-2022.yaml");
    Files.writeString(
        catalog,
        "# reviewed again\n" + Files.readString(catalog, StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);

    PlanDeployment restart = start(CODE);
    List<DeploymentWithDefinitions> deployed = restart.deployAll();

    assertThat(restart.plansBuilt()).isEqualTo(1);
    assertThat(fresh(deployed)).isZero();
    assertThat(deploymentCount()).isEqualTo(2);
  }

  @Test
  void shouldBuildEveryPlanAgainWhenTheCodeChanged() {
    start(CODE).deployAll();

    PlanDeployment restart = start("code-2");
    List<DeploymentWithDefinitions> deployed = restart.deployAll();

    assertThat(restart.plansBuilt()).isEqualTo(2);
    // the same models: the engine's duplicate filtering deploys nothing
    assertThat(fresh(deployed)).isZero();
    assertThat(deploymentCount()).isEqualTo(2);
  }

  @Test
  void shouldBuildAgainOnceATimerDecisionInTheModelsMayHaveTurned() {
    start(CODE).deployAll();

    // jilin-2020 runs to 2025: past its period the rounds lose their yearly timer start
    ClockUtil.setCurrentTime(Timestamp.valueOf("2027-01-01 00:00:00"));
    PlanDeployment restart = start(CODE);
    List<DeploymentWithDefinitions> deployed = restart.deployAll();

    assertThat(restart.plansBuilt()).isEqualTo(2);
    assertThat(deployed).anyMatch(d -> d.getName().equals("duban-jilin-2020"));
    assertThat(fresh(deployed)).isPositive();
  }

  @Test
  void shouldBuildAgainWhenTheClockWasSetBack() {
    start(CODE).deployAll();

    ClockUtil.setCurrentTime(Timestamp.valueOf("2020-06-01 00:00:00"));
    PlanDeployment restart = start(CODE);
    restart.deployAll();

    assertThat(restart.plansBuilt()).isEqualTo(2);
  }

  @Test
  void shouldBuildAgainWhenThePlanWasDeployedOtherwiseSince() {
    PlanDeployment first = start(CODE);
    first.deployAll();
    // e.g. deleted in Cockpit: the engine's latest deployment of the plan is no longer the one
    // recorded
    String jilin =
        repository
            .createDeploymentQuery()
            .deploymentName("duban-jilin-2020")
            .singleResult()
            .getId();
    repository.deleteDeployment(jilin, true);

    PlanDeployment restart = start(CODE);
    List<DeploymentWithDefinitions> deployed = restart.deployAll();

    assertThat(restart.plansBuilt()).isEqualTo(1);
    assertThat(fresh(deployed)).isEqualTo(1);
    assertThat(repository.createDeploymentQuery().deploymentName("duban-jilin-2020").count())
        .isEqualTo(1);
  }

  @Test
  void shouldFingerprintTheCodeOnTheClasspath() {
    String code = ModelFingerprint.code(java.util.Map.of(), PlanDeployment.NOTICE_TEMPLATE);
    assertThat(code).hasSize(64).isEqualTo(ModelFingerprint.code(java.util.Map.of(), "x"));
  }
}
