package org.duban.delivery;

import org.duban.testsupport.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same deliveries on a real PostgreSQL server: queued with the event, sent once, retried and
 * raised as one incident there too, and nothing sent for a rolled-back completion.
 */
class PostgresDeliveryTest extends DeliveryTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresServer.shared().jdbcUrl("delivery"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
  }
}
