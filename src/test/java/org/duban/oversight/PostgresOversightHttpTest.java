package org.duban.oversight;

import org.duban.testsupport.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same views on a real PostgreSQL server, the production database: the batched lookups (the
 * native execution query above all) must read the same there.
 */
class PostgresOversightHttpTest extends OversightHttpTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresServer.shared().jdbcUrl("oversight"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
  }
}
