package org.duban.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every plan catalog the application runs, read and validated as a whole before anything is
 * deployed: one bad file stops start-up and nothing reaches the engine.
 */
public final class PlanCatalogs {

  private final List<PlanCatalog> catalogs;

  public PlanCatalogs(List<PlanCatalog> catalogs) {
    this.catalogs = List.copyOf(catalogs);
    checkAcrossPlans();
  }

  public static PlanCatalogs load(List<String> locations) {
    CatalogReader reader = new CatalogReader();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<PlanCatalog> all = new ArrayList<>();
    Map<String, String> fileOfPlan = new HashMap<>();
    for (String location : locations) {
      Resource[] resources;
      try {
        resources = resolver.getResources(location);
      } catch (IOException e) {
        throw new CatalogException(location, 0, "", "cannot list catalogs: " + e.getMessage(), e);
      }
      Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
      for (Resource resource : resources) {
        String file = "plans/" + resource.getFilename();
        PlanCatalog catalog = reader.read(file, text(resource, file));
        String earlier = fileOfPlan.putIfAbsent(catalog.id(), file);
        if (earlier != null) {
          throw new CatalogException(file, 0, "plan.id", "plan id '" + catalog.id() + "' is already used by " + earlier);
        }
        all.add(catalog);
      }
    }
    if (all.isEmpty()) {
      throw new CatalogException(String.join(", ", locations), 0, "", "no plan catalog found");
    }
    return new PlanCatalogs(all);
  }

  private static String text(Resource resource, String file) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogException(file, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** A group id names one body: two catalogs may share a unit, but not give one id two names. */
  private void checkAcrossPlans() {
    Map<String, Unit> seen = new HashMap<>();
    for (PlanCatalog c : catalogs) {
      List<Unit> units = new ArrayList<>(c.units());
      units.add(c.plan().coordinatingOffice());
      for (Unit u : units) {
        Unit other = seen.putIfAbsent(u.id(), u);
        if (other != null && !other.name().equals(u.name())) {
          throw new CatalogException("plans/" + c.id() + ".yaml", 0, "units",
              "group id '" + u.id() + "' names '" + u.name() + "' here but '" + other.name() + "' in another plan");
        }
      }
    }
  }

  public List<PlanCatalog> all() {
    return catalogs;
  }

  public Optional<PlanCatalog> plan(String planId) {
    return catalogs.stream().filter(c -> c.id().equals(planId)).findFirst();
  }

  public PlanCatalog require(String planId) {
    return plan(planId).orElseThrow(() -> new IllegalArgumentException("unknown plan '" + planId + "'"));
  }
}
