package org.duban.smoke;

import org.duban.catalog.PlanCatalog;
import org.duban.testsupport.PostgresServer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same smoke test on a real PostgreSQL server that the test run starts itself, for one plan
 * (泉州): every plan is still deployed at start-up, but only Quanzhou's definitions are run. The
 * context closes after the class, while the server (stopped by a JVM shutdown hook) is still up.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresAllDefinitionsSmokeTest extends AllDefinitionsSmokeTest {

  static final String PLAN = "quanzhou-2024";

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url", () -> PostgresServer.shared().jdbcUrl("definitions_smoke"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
  }

  @Override
  protected boolean covers(PlanCatalog plan) {
    return PLAN.equals(plan.id());
  }
}
