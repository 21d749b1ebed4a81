package org.duban.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

  @Test
  void servesARealPostgresDatabase() throws SQLException {
    String url = PostgresServer.shared().jdbcUrl("postgres_server_test");

    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("create table task (id int primary key, title text not null)");
      statement.execute("insert into task values (1, '督办任务')");
      try (ResultSet rows = statement.executeQuery("select title from task where id = 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("督办任务");
      }
      try (ResultSet rows = statement.executeQuery("select version()")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).startsWith("PostgreSQL");
      }
    }
  }

  @Test
  void runsWithTheDurableSettingsOfProductionWhicheverBinariesItFound() throws SQLException {
    PostgresServer server = PostgresServer.shared();

    try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl("postgres_server_settings"));
        Statement statement = connection.createStatement()) {
      assertThat(show(statement, "fsync"))
          .as("fsync (%s binaries)", server.origin())
          .isEqualTo("on");
      assertThat(show(statement, "synchronous_commit"))
          .as("synchronous_commit (%s binaries)", server.origin())
          .isEqualTo("on");
      assertThat(show(statement, "full_page_writes"))
          .as("full_page_writes (%s binaries)", server.origin())
          .isEqualTo("on");
    }
  }

  @Test
  void usesTheMavenCentralBinariesWhenLocalOnesAreSwitchedOff() {
    boolean localOff =
        "false".equalsIgnoreCase(System.getProperty(PostgresServer.LOCAL_PROPERTY, "true"));

    assertThat(PostgresServer.shared().origin())
        .isIn(localOff ? List.of("Maven Central") : List.of("local", "Maven Central"));
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet rows = statement.executeQuery("show " + setting)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }

  @Test
  void reusesTheServerAndExistingDatabases() {
    PostgresServer server = PostgresServer.shared();

    assertThat(PostgresServer.shared()).isSameAs(server);
    assertThat(server.jdbcUrl("postgres_server_reuse"))
        .isEqualTo(server.jdbcUrl("postgres_server_reuse"));
  }
}
