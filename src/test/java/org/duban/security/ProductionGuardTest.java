package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duban.DubanApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Production (the postgres profile) refuses to start without a strong administrator password. */
class ProductionGuardTest {

  @Test
  void shouldRefuseToStartWithoutAnAdminPasswordFromTheEnvironment() {
    assertThatThrownBy(() -> start(""))
        .rootCause().hasMessageContaining("Duban will not start: DUBAN_ADMIN_PASSWORD is not set");
    assertThatThrownBy(() -> start("admin"))
        .rootCause().hasMessageContaining("DUBAN_ADMIN_PASSWORD is shorter than 12 characters");
  }

  @Test
  void shouldJudgePasswordsByLengthMixAndGuessability() {
    assertThat(ProductionGuard.weakness("onlyletterslong")).contains("letters and digits");
    assertThat(ProductionGuard.weakness("Admin1234567890")).contains("guessable");
    assertThat(ProductionGuard.weakness("Duban-7c1f-Kx93")).isNull();
  }

  /** Starts production as an operator would; an empty password stands for the unset variable. */
  private static void start(String adminPassword) {
    String[] args = adminPassword.isEmpty() ? new String[0] : new String[] {"--camunda.bpm.admin-user.password=" + adminPassword};
    new SpringApplicationBuilder(DubanApplication.class)
        .profiles("postgres")
        // never reached: the guard stops the engine before it touches the database
        .properties("server.port=0", "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none")
        .run(args)
        .close();
  }
}
