package org.duban.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.config.DubanProperties;
import org.duban.names.EvaluationKind;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every plan: one deployment per plan holding its task processes, its notice process and
 * the forms they name (forms must share the deployment of their process). All models are built and
 * validated before the first deployment, so a bad plan deploys nothing. Duplicate filtering makes a
 * restart with unchanged catalogs deploy nothing new; a restart with unchanged catalogs and code
 * does not even build the models ({@link #deployAll}).
 */
@Component
public class PlanDeployment {

  private static final Logger log = LoggerFactory.getLogger(PlanDeployment.class);
  static final String NOTICE_TEMPLATE = "bpmn/supervision-notice.bpmn";

  /** Engine properties (ACT_GE_PROPERTY) recording what each plan was last deployed from. */
  static final String PROPERTY_PREFIX = "duban.models.";

  private static final int PROPERTY_NAME_LENGTH = 64;

  private final PlanCatalogs catalogs;
  private final RepositoryService repository;
  private final ManagementService management;
  private final String codeFingerprint;
  private final Object retryCycle;
  private int plansBuilt;
  private final RoundProcessFactory factory;
  private final EvaluationProcessFactory evaluations;
  private final DeliveryProcessFactory deliveries;
  private final ExtensionProcessFactory extensions;
  private final int historyTimeToLiveDays;
  private final java.time.ZoneId zone;
  private final ReplacedTimers replacedTimers;

  @Autowired
  public PlanDeployment(
      PlanCatalogs catalogs,
      RepositoryService repository,
      ManagementService management,
      DubanProperties properties,
      ReplacedTimers replacedTimers) {
    this(catalogs, repository, management, properties, replacedTimers, null);
  }

  /** With the fingerprint of the code given (null: of the classes on the classpath). */
  PlanDeployment(
      PlanCatalogs catalogs,
      RepositoryService repository,
      ManagementService management,
      DubanProperties properties,
      ReplacedTimers replacedTimers,
      String codeFingerprint) {
    this.catalogs = catalogs;
    this.repository = repository;
    this.management = management;
    this.replacedTimers = replacedTimers;
    this.codeFingerprint = codeFingerprint;
    this.retryCycle = properties.delivery().retryCycle();
    this.historyTimeToLiveDays = properties.history().timeToLiveDays();
    this.zone = properties.zone();
    this.factory = new RoundProcessFactory(properties.zone(), historyTimeToLiveDays);
    this.evaluations = new EvaluationProcessFactory(properties.zone(), historyTimeToLiveDays);
    this.deliveries =
        new DeliveryProcessFactory(historyTimeToLiveDays, properties.delivery().retryCycle());
    this.extensions = new ExtensionProcessFactory(historyTimeToLiveDays);
  }

  /**
   * Deploys every plan whose models may have changed since they were last deployed. A plan read
   * from a catalog file at start-up whose fingerprint (its catalog's text, the settings and the
   * code that build its models: {@link ModelFingerprint}) is the one recorded with the plan's
   * latest deployment, recorded before any clock decision in its models could have turned, is not
   * built at all: its models would be the same bytes, which the engine's duplicate filtering would
   * find unchanged anyway.
   */
  public List<DeploymentWithDefinitions> deployAll() {
    warnOfDriftingPeriodTimers();
    long start = System.nanoTime();
    Map<String, byte[]> forms = forms();
    String code =
        codeFingerprint != null ? codeFingerprint : ModelFingerprint.code(forms, NOTICE_TEMPLATE);
    Map<String, String> recorded = management.getProperties();
    Map<PlanCatalog, ModelClock.Built<Map<String, BpmnModelInstance>>> models =
        new LinkedHashMap<>();
    Map<PlanCatalog, String> fingerprints = new LinkedHashMap<>();
    List<PlanCatalog> unchanged = new ArrayList<>();
    for (PlanCatalog plan : catalogs.all()) {
      String fingerprint = fingerprint(plan, code);
      if (fingerprint != null && isDeployed(plan, fingerprint, recorded)) {
        unchanged.add(plan);
        continue;
      }
      fingerprints.put(plan, fingerprint);
      models.put(plan, ModelClock.watch(() -> models(plan)));
      plansBuilt++;
    }
    long built = System.nanoTime();
    List<DeploymentWithDefinitions> deployments = new ArrayList<>();
    models.forEach(
        (plan, processes) -> {
          DeploymentWithDefinitions result = deploy(plan, processes.models(), forms);
          deployments.add(result);
          record(plan, fingerprints.get(plan), result, processes);
        });
    unchanged.forEach(
        plan ->
            log.info(
                "Plan {}: unchanged since deployment {} (same catalog and code), nothing built",
                plan.id(),
                recordedDeployment(recorded.get(property(plan)))));
    log.info(
        "Plans: {} built in {} ms, {} unchanged and not built, deployments in {} ms",
        models.size(),
        (built - start) / 1_000_000,
        unchanged.size(),
        (System.nanoTime() - built) / 1_000_000);
    return deployments;
  }

  /** How many plans' models {@link #deployAll} has built (the others it found unchanged). */
  int plansBuilt() {
    return plansBuilt;
  }

  /** Null when the plan was not read from a file (imported at run time, since replaced). */
  private String fingerprint(PlanCatalog plan, String code) {
    return catalogs
        .source(plan.id())
        .map(
            text ->
                ModelFingerprint.of(
                    code,
                    plan.id(),
                    text,
                    zone.getId(),
                    String.valueOf(historyTimeToLiveDays),
                    String.valueOf(retryCycle)))
        .orElse(null);
  }

  /**
   * The engine property naming the plan's latest deployment and what it was built from: "deployment
   * id, fingerprint, built at, same until" (epoch milliseconds, "max" for no end).
   */
  private static String property(PlanCatalog plan) {
    return PROPERTY_PREFIX + plan.id();
  }

  private boolean isDeployed(PlanCatalog plan, String fingerprint, Map<String, String> recorded) {
    String value = recorded.get(property(plan));
    if (value == null) {
      return false;
    }
    String[] fields = value.split(" ");
    if (fields.length != 4 || !fields[1].equals(fingerprint)) {
      return false;
    }
    // a clock decision may have turned since (a timer's last occurrence passed), or the clock
    // been set back before the models were built
    Instant now = ModelClock.now();
    long builtAt = Long.parseLong(fields[2]);
    if (now.toEpochMilli() < builtAt
        || (!fields[3].equals("max") && now.toEpochMilli() >= Long.parseLong(fields[3]))) {
      return false;
    }
    // the deployment the engine compares with is the latest of the plan's name: the recorded one,
    // unless a plan was published at run time since, or a deployment deleted
    List<Deployment> latest =
        repository
            .createDeploymentQuery()
            .deploymentName(deploymentName(plan))
            .orderByDeploymentTime()
            .desc()
            .listPage(0, 1);
    return !latest.isEmpty() && latest.get(0).getId().equals(fields[0]);
  }

  private void record(
      PlanCatalog plan,
      String fingerprint,
      DeploymentWithDefinitions result,
      ModelClock.Built<?> built) {
    String name = property(plan);
    if (fingerprint == null || name.length() > PROPERTY_NAME_LENGTH) {
      return;
    }
    management.setProperty(
        name,
        result.getId()
            + " "
            + fingerprint
            + " "
            + built.builtAt().toEpochMilli()
            + " "
            + (built.sameUntil().equals(Instant.MAX) ? "max" : built.sameUntil().toEpochMilli()));
  }

  private static String recordedDeployment(String value) {
    return value.substring(0, value.indexOf(' '));
  }

  /**
   * The engine steps a half-yearly or quarterly timer month by month on the JVM's own time zone
   * (YearlyTimer fires at noon in the plans' zone to stay on the day): a JVM zone where that noon
   * is another day makes the series drift by a day.
   */
  private void warnOfDriftingPeriodTimers() {
    java.time.ZoneId jvm = java.time.ZoneId.systemDefault();
    java.time.ZonedDateTime noon = java.time.LocalDate.of(2001, 1, 1).atTime(12, 0).atZone(zone);
    boolean periodic =
        catalogs.all().stream()
            .anyMatch(
                p ->
                    p.calendar().reporting() != org.duban.catalog.Reporting.YEARLY
                        || p.tasks().stream().anyMatch(t -> t.reporting() != null));
    if (periodic && !noon.withZoneSameInstant(jvm).toLocalDate().equals(noon.toLocalDate())) {
      log.warn(
          "The JVM runs in time zone {}, where noon in {} is another day: half-yearly and quarterly"
              + " round timers would drift by a day. Start the JVM with -Duser.timezone={}",
          jvm,
          zone,
          zone);
    }
  }

  /** Deploys one plan, e.g. one a supervisor imported; nothing if it is unchanged. */
  public DeploymentWithDefinitions deploy(PlanCatalog plan) {
    return deploy(plan, models(plan), forms());
  }

  private DeploymentWithDefinitions deploy(
      PlanCatalog plan, Map<String, BpmnModelInstance> processes, Map<String, byte[]> forms) {
    DeploymentBuilder deployment =
        repository
            .createDeployment()
            .name(deploymentName(plan))
            .source("duban")
            .enableDuplicateFiltering(false);
    processes.forEach(deployment::addModelInstance);
    forms.forEach(
        (name, bytes) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    // a replaced timer start that was due while the server was down still opens its round
    DeploymentWithDefinitions result = replacedTimers.around(plan, deployment::deployWithResult);
    // duplicate filtering returns the previous deployment, with no definitions, when nothing
    // changed
    boolean fresh =
        result.getDeployedProcessDefinitions() != null
            && !result.getDeployedProcessDefinitions().isEmpty();
    log.info(
        "Plan {} ({} processes): {}",
        plan.id(),
        processes.size(),
        fresh ? "deployed as " + result.getId() : "unchanged, nothing deployed");
    return result;
  }

  public static String deploymentName(PlanCatalog plan) {
    return "duban-" + plan.id();
  }

  /**
   * Resource name → model, for one plan: each task's round, the notice process, the evaluations,
   * the delivery process.
   */
  public Map<String, BpmnModelInstance> models(PlanCatalog plan) {
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    for (TaskEntry task : plan.tasks()) {
      String key = ProcessKeys.round(plan.id(), task.number());
      models.put(key + ".bpmn", factory.create(plan, task));
    }
    models.put(ProcessKeys.notice(plan.id()) + ".bpmn", noticeProcess(plan));
    for (EvaluationKind kind : EvaluationKind.of(plan)) {
      models.put(kind.processKey(plan.id()) + ".bpmn", evaluations.create(plan, kind));
    }
    models.put(ProcessKeys.delivery(plan.id()) + ".bpmn", deliveries.create(plan));
    models.put(ProcessKeys.extension(plan.id()) + ".bpmn", extensions.create(plan));
    return models;
  }

  private BpmnModelInstance noticeProcess(PlanCatalog plan) {
    BpmnModelInstance model;
    try (InputStream in = resource(NOTICE_TEMPLATE).getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + NOTICE_TEMPLATE, e);
    }
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    process.setId(ProcessKeys.notice(plan.id()));
    process.setName(plan.plan().city() + " 督办通知");
    process.setCamundaVersionTag(plan.id());
    process.setCamundaHistoryTimeToLiveString(String.valueOf(historyTimeToLiveDays));
    // the plan, and the rules its notices run by (the office's decision time), travel in the model
    java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
    properties.put(ModelProperties.PLAN_ID, plan.id());
    properties.putAll(org.duban.schedule.RoundRules.of(plan.calendar()).toModel());
    ModelProperties.write(model, process, properties);
    Bpmn.validateModel(model);
    return model;
  }

  private static Map<String, byte[]> forms() {
    Map<String, byte[]> forms = new LinkedHashMap<>();
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.html");
      Arrays.sort(found, Comparator.comparing(Resource::getFilename));
      for (Resource form : found) {
        try (InputStream in = form.getInputStream()) {
          forms.put("forms/" + form.getFilename(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the forms", e);
    }
    if (forms.isEmpty()) {
      throw new IllegalStateException("no forms found on the classpath under forms/");
    }
    return forms;
  }

  private static Resource resource(String name) {
    return new PathMatchingResourcePatternResolver().getResource("classpath:" + name);
  }
}
