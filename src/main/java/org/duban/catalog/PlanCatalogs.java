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
 * deployed: one bad file stops start-up and nothing reaches the engine. A supervisor may add or
 * replace a plan at run time ({@link #register}); the {@link #version()} tells caches to rebuild.
 */
public final class PlanCatalogs {

  private volatile List<PlanCatalog> catalogs;
  private volatile int version;

  public PlanCatalogs(List<PlanCatalog> catalogs) {
    this.catalogs = List.copyOf(catalogs);
    checkAcrossPlans(this.catalogs);
  }

  /** Throws if the plan would clash with the others (a group id naming two bodies). */
  public void checkCompatible(PlanCatalog plan) {
    checkAcrossPlans(with(plan));
  }

  /** Adds a plan, or replaces the plan of the same id; refuses one that clashes with the others. */
  public synchronized void register(PlanCatalog plan) {
    List<PlanCatalog> next = with(plan);
    checkAcrossPlans(next);
    catalogs = List.copyOf(next);
    version++;
  }

  private List<PlanCatalog> with(PlanCatalog plan) {
    List<PlanCatalog> next = new ArrayList<>(catalogs.stream().filter(c -> !c.id().equals(plan.id())).toList());
    next.add(plan);
    return next;
  }

  public int version() {
    return version;
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
        String file = location.startsWith("classpath") ? "plans/" + resource.getFilename() : describe(resource);
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

  private static String describe(Resource resource) {
    try {
      return resource.getFile().getPath();
    } catch (IOException e) {
      return resource.getDescription();
    }
  }

  private static String text(Resource resource, String file) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CatalogException(file, 0, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /** A group id names one body: two catalogs may share a unit, but not give one id two names. */
  private static void checkAcrossPlans(List<PlanCatalog> catalogs) {
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
