package org.duban.bench;

import java.nio.file.Path;
import org.duban.testsupport.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a benchmark runs: an H2 file database of its own under target/bench-h2, or a database of
 * its own on the throwaway durable PostgreSQL; its generated plan beside the shipped ones.
 */
final class BenchDatabase {

  private BenchDatabase() {}

  static void register(
      DynamicPropertyRegistry registry,
      BenchPlan plan,
      String catalogDir,
      boolean postgres,
      String database)
      throws java.io.IOException {
    register(registry, java.util.List.of(plan), catalogDir, postgres, database, null);
  }

  /** The same for several generated plans; {@code jdbcUrl}: a PostgreSQL of one's own, or null. */
  static void register(
      DynamicPropertyRegistry registry,
      java.util.List<BenchPlan> plans,
      String catalogDir,
      boolean postgres,
      String database,
      String jdbcUrl)
      throws java.io.IOException {
    Path catalogs = Path.of("target", catalogDir);
    for (BenchPlan plan : plans) {
      plan.writeInto(catalogs);
    }
    if (postgres) {
      registry.add(
          "spring.datasource.url",
          () -> jdbcUrl != null ? jdbcUrl : PostgresServer.shared().jdbcUrl(database));
      registry.add("spring.datasource.username", () -> "postgres");
      registry.add("spring.datasource.password", () -> "");
      registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    } else {
      Path file = Path.of("target", "bench-h2", database).toAbsolutePath();
      registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000");
    }
    // beside the shipped plans (the test profile's users belong to them)
    registry.add("duban.catalog.locations[0]", () -> "classpath*:plans/*.yaml");
    registry.add(
        "duban.catalog.locations[1]", () -> "file:" + catalogs.toAbsolutePath() + "/*.yaml");
    registry.add(
        "duban.catalog.import-dir", () -> Path.of("target", "bench-imported").toAbsolutePath());
  }
}
