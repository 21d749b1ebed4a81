package org.duban.planimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.duban.DubanProperties;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.identity.IdentitySeeder;
import org.duban.modeling.PlanDeployment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Puts a reviewed catalog into service while the application runs: validated like a shipped one,
 * deployed, its units seeded as groups, and kept in the import directory so the next start reads
 * it again. Shipped plans change only through the repository, never over REST.
 */
@Service
public class PlanPublication {

  /** The outcome: which processes are now deployed for the plan (none if it was unchanged). */
  public record Published(String planId, String deploymentId, List<String> processKeys, boolean unchanged) {}

  private final PlanCatalogs catalogs;
  private final PlanDeployment deployment;
  private final IdentitySeeder identity;
  private final Path importDir;

  public PlanPublication(PlanCatalogs catalogs, PlanDeployment deployment, IdentitySeeder identity,
      DubanProperties properties) {
    this.catalogs = catalogs;
    this.deployment = deployment;
    this.identity = identity;
    this.importDir = properties.catalog().importDir();
  }

  public synchronized Published publish(String fileName, String yaml) {
    PlanCatalog plan = new CatalogReader().read(fileName, yaml);
    if (isShipped(plan.id())) {
      throw new CatalogException(fileName, 0, "plan.id", "plan '" + plan.id()
          + "' ships with Duban (plans/); change it in the repository, not over REST");
    }
    catalogs.checkCompatible(plan);
    DeploymentWithDefinitions deployed = deployment.deploy(plan);
    catalogs.register(plan);
    identity.run();
    save(plan.id(), yaml);
    List<ProcessDefinition> definitions = deployed.getDeployedProcessDefinitions();
    return new Published(plan.id(), deployed.getId(),
        definitions == null ? List.of() : definitions.stream().map(ProcessDefinition::getKey).sorted().toList(),
        definitions == null || definitions.isEmpty());
  }

  private static boolean isShipped(String planId) {
    try {
      return new PathMatchingResourcePatternResolver().getResources("classpath*:plans/" + planId + ".yaml").length > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private void save(String planId, String yaml) {
    try {
      Files.createDirectories(importDir);
      Path temp = Files.createTempFile(importDir, planId, ".tmp");
      Files.writeString(temp, yaml, StandardCharsets.UTF_8);
      Files.move(temp, importDir.resolve(planId + ".yaml"), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("plan " + planId + " is deployed but could not be kept in " + importDir
          + ": it will be missing after a restart", e);
    }
  }
}
