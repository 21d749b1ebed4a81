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

  /** Plan id → the text of the file a plan was read from at start-up, while it is the plan. */
  private final Map<String, String> sources = new java.util.concurrent.ConcurrentHashMap<>();

  public PlanCatalogs(List<PlanCatalog> catalogs) {
    this.catalogs = List.copyOf(catalogs);
    checkAcrossPlans(this.catalogs);
  }

  private PlanCatalogs(List<PlanCatalog> catalogs, Map<String, String> sources) {
    this(catalogs);
    this.sources.putAll(sources);
  }

  /**
   * The text of the catalog file the plan was read from, if it was loaded from one and not replaced
   * since ({@link #register}).
   */
  public Optional<String> source(String planId) {
    return Optional.ofNullable(sources.get(planId));
  }

  /**
   * Throws if the plan, read from {@code text} of {@code file}, would clash with the others (a
   * group id naming two bodies or two roles), naming the line and field of the clash.
   */
  public void checkCompatible(PlanCatalog plan, String file, String text) {
    Conflict conflict = firstConflict(with(plan));
    if (conflict != null) {
      throw CatalogException.at(file, text, conflict.field(), conflict.problem());
    }
  }

  /** Adds a plan, or replaces the plan of the same id; refuses one that clashes with the others. */
  public synchronized void register(PlanCatalog plan) {
    List<PlanCatalog> next = with(plan);
    checkAcrossPlans(next);
    catalogs = List.copyOf(next);
    sources.remove(plan.id());
    version++;
  }

  /**
   * Undoes {@link #register} of a plan whose publication failed: its earlier version again, or
   * none.
   */
  public synchronized void restore(String planId, Optional<PlanCatalog> earlier) {
    List<PlanCatalog> next =
        new ArrayList<>(catalogs.stream().filter(c -> !c.id().equals(planId)).toList());
    earlier.ifPresent(next::add);
    catalogs = List.copyOf(next);
    sources.remove(planId);
    version++;
  }

  private List<PlanCatalog> with(PlanCatalog plan) {
    List<PlanCatalog> next =
        new ArrayList<>(catalogs.stream().filter(c -> !c.id().equals(plan.id())).toList());
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
    Map<String, String> sources = new HashMap<>();
    for (String location : locations) {
      Resource[] resources;
      try {
        resources = resolver.getResources(location);
      } catch (IOException e) {
        throw new CatalogException(location, 0, "", "cannot list catalogs: " + e.getMessage(), e);
      }
      Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
      for (Resource resource : resources) {
        String file =
            location.startsWith("classpath")
                ? "plans/" + resource.getFilename()
                : describe(resource);
        String text = text(resource, file);
        PlanCatalog catalog = reader.read(file, text);
        String earlier = fileOfPlan.putIfAbsent(catalog.id(), file);
        if (earlier != null) {
          throw new CatalogException(
              file, 0, "plan.id", "plan id '" + catalog.id() + "' is already used by " + earlier);
        }
        all.add(catalog);
        sources.put(catalog.id(), text);
      }
    }
    if (all.isEmpty()) {
      throw new CatalogException(String.join(", ", locations), 0, "", "no plan catalog found");
    }
    return new PlanCatalogs(all, sources);
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

  /**
   * A group id names one body in one role: two catalogs may share a unit (same id, same name), but
   * no catalog may rename another plan's group, or use another plan's office as a unit or its unit
   * as an office. The later catalog of the list is the one blamed.
   */
  private static Conflict firstConflict(List<PlanCatalog> catalogs) {
    Map<String, Claim> seen = new HashMap<>();
    for (PlanCatalog c : catalogs) {
      for (Claim claim : claims(c)) {
        Claim other = seen.putIfAbsent(claim.unit().id(), claim);
        if (other == null) {
          continue;
        }
        String id = claim.unit().id();
        if (other.office() != claim.office()) {
          return new Conflict(
              c,
              claim.field(),
              "组 '"
                  + id
                  + "' 在方案 '"
                  + other.plan()
                  + "' 中是"
                  + role(other)
                  + ",这里不能用作"
                  + role(claim)
                  + ":目录不能改变其他方案的组的类型");
        }
        if (!other.unit().name().equals(claim.unit().name())) {
          return new Conflict(
              c,
              claim.field().replace(".id", ".name"),
              "组 '"
                  + id
                  + "' 在方案 '"
                  + other.plan()
                  + "' 中名为 '"
                  + other.unit().name()
                  + "',这里名为 '"
                  + claim.unit().name()
                  + "':目录不能给其他方案的组改名");
        }
      }
    }
    return null;
  }

  private static void checkAcrossPlans(List<PlanCatalog> catalogs) {
    Conflict conflict = firstConflict(catalogs);
    if (conflict != null) {
      throw new CatalogException(
          "plans/" + conflict.plan().id() + ".yaml", 0, conflict.field(), conflict.problem());
    }
  }

  /** Each group a catalog defines, with the field that defines it. */
  private static List<Claim> claims(PlanCatalog c) {
    List<Claim> claims = new ArrayList<>();
    for (int i = 0; i < c.units().size(); i++) {
      claims.add(new Claim(c.id(), c.units().get(i), false, "units[" + i + "].id"));
    }
    claims.add(
        new Claim(c.id(), c.plan().coordinatingOffice(), true, "plan.coordinatingOffice.id"));
    return claims;
  }

  private static String role(Claim claim) {
    return claim.office() ? "督办单位" : "责任单位";
  }

  private record Claim(String plan, Unit unit, boolean office, String field) {}

  private record Conflict(PlanCatalog plan, String field, String problem) {}

  public List<PlanCatalog> all() {
    return catalogs;
  }

  public Optional<PlanCatalog> plan(String planId) {
    return catalogs.stream().filter(c -> c.id().equals(planId)).findFirst();
  }

  public PlanCatalog require(String planId) {
    return plan(planId)
        .orElseThrow(() -> new IllegalArgumentException("unknown plan '" + planId + "'"));
  }
}
