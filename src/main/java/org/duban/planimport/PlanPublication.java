package org.duban.planimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.config.DubanProperties;
import org.duban.identity.GroupClaims;
import org.duban.identity.IdentitySeeder;
import org.duban.modeling.PlanDeployment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a reviewed catalog into service while the application runs: validated like a shipped one,
 * checked against the other plans and the engine's groups, deployed, its units seeded as groups,
 * and kept in the import directory (with its owners) so the next start reads it again. Shipped
 * plans change only through the repository, never over REST.
 *
 * <p>Everything that can be checked is checked before the engine is touched; deployment and seeding
 * then run in one Spring transaction, which the engine joins, so a failure leaves neither processes
 * nor groups behind.
 */
@Service
public class PlanPublication {

  /** The outcome: which processes are now deployed for the plan (none if it was unchanged). */
  public record Published(
      String planId, String deploymentId, List<String> processKeys, boolean unchanged) {}

  private final PlanCatalogs catalogs;
  private final PlanDeployment deployment;
  private final IdentitySeeder identity;
  private final GroupClaims groups;
  private final RepositoryService repository;
  private final TransactionTemplate transaction;
  private final Path importDir;
  private final PlanOwnership ownership;

  public PlanPublication(
      PlanCatalogs catalogs,
      PlanDeployment deployment,
      IdentitySeeder identity,
      GroupClaims groups,
      RepositoryService repository,
      PlatformTransactionManager transactions,
      DubanProperties properties) {
    this.catalogs = catalogs;
    this.deployment = deployment;
    this.identity = identity;
    this.groups = groups;
    this.repository = repository;
    this.transaction = new TransactionTemplate(transactions);
    this.importDir = properties.catalog().importDir();
    this.ownership = new PlanOwnership(importDir);
  }

  /**
   * Publishes the catalog {@code yaml}; throws {@link CatalogException} for a bad catalog and
   * {@link PlanRefusedException} for one the publisher may not replace. Runs as the system: the
   * caller's rights are those of {@code publisher}.
   */
  public synchronized Published publish(String fileName, String yaml, Publisher publisher) {
    PlanCatalog plan = new CatalogReader().read(fileName, yaml);
    if (isShipped(plan.id())) {
      throw new CatalogException(
          fileName,
          0,
          "plan.id",
          "plan '"
              + plan.id()
              + "' ships with Duban (plans/); change it in the repository, not over REST");
    }
    Optional<PlanCatalog> earlier = catalogs.plan(plan.id());
    boolean exists =
        repository
                .createDeploymentQuery()
                .deploymentName(PlanDeployment.deploymentName(plan))
                .count()
            > 0;
    ownership.check(plan, earlier, exists, publisher);
    catalogs.checkCompatible(plan, fileName, yaml);
    groups.check(plan, fileName, yaml);
    Set<String> owners = ownership.ownersAfter(plan, earlier, publisher);

    Kept kept = Kept.prepare(importDir, plan.id(), yaml, PlanOwnership.text(owners));
    DeploymentWithDefinitions deployed;
    try {
      deployed =
          transaction.execute(
              status -> {
                DeploymentWithDefinitions result = deployment.deploy(plan);
                catalogs.register(plan);
                identity.run();
                return result;
              });
    } catch (RuntimeException e) {
      catalogs.restore(plan.id(), earlier);
      kept.discard();
      throw e;
    }
    kept.commit(ownership.file(plan.id()));
    List<ProcessDefinition> definitions = deployed.getDeployedProcessDefinitions();
    return new Published(
        plan.id(),
        deployed.getId(),
        definitions == null
            ? List.of()
            : definitions.stream().map(ProcessDefinition::getKey).sorted().toList(),
        definitions == null || definitions.isEmpty());
  }

  private static boolean isShipped(String planId) {
    try {
      return new PathMatchingResourcePatternResolver()
              .getResources("classpath*:plans/" + planId + ".yaml")
              .length
          > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The catalog and its owners, written to temporary files before the deployment (a full disk fails
   * the publication, not the next start) and moved into place once it is committed.
   */
  private record Kept(Path catalogTemp, Path catalog, Path ownersTemp) {

    static Kept prepare(Path dir, String planId, String yaml, String owners) {
      try {
        Files.createDirectories(dir);
        Path catalogTemp = Files.createTempFile(dir, planId, ".tmp");
        Files.writeString(catalogTemp, yaml, StandardCharsets.UTF_8);
        Path ownersTemp = Files.createTempFile(dir, planId, ".tmp");
        Files.writeString(ownersTemp, owners, StandardCharsets.UTF_8);
        return new Kept(catalogTemp, dir.resolve(planId + ".yaml"), ownersTemp);
      } catch (IOException e) {
        throw new IllegalStateException(
            "plan " + planId + " cannot be kept in " + dir + ": nothing was deployed", e);
      }
    }

    void commit(Path owners) {
      try {
        Files.move(
            ownersTemp,
            owners,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        Files.move(
            catalogTemp,
            catalog,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new IllegalStateException(
            "plan is deployed but could not be kept as "
                + catalog
                + ": it will be missing after a restart",
            e);
      }
    }

    void discard() {
      try {
        Files.deleteIfExists(catalogTemp);
        Files.deleteIfExists(ownersTemp);
      } catch (IOException e) {
        // a stray .tmp file is read by nothing
      }
    }
  }
}
