package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.duban.DubanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/**
 * Production (the postgres profile) refuses to start, in one line and before anything starts,
 * without its database or with an administrator password the engine would refuse. Every case sets
 * what it needs explicitly, so the shell's DUBAN_* variables change nothing (the full start-up
 * passes them as command-line arguments, which outrank the environment).
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTest {

  /**
   * Passes the old guard (12+ characters, letters and digits), but the engine wants a special
   * character.
   */
  private static final String NO_SPECIAL = "k7Qx2mVw9Lr4Tz";

  private static final String STRONG = "Duban-7c1f-Kx93";

  @Test
  void refusesInOneLineBeforeAnythingStarts(CapturedOutput output) {
    StartRefusedException refusal =
        catchThrowableOfType(
            StartRefusedException.class,
            () ->
                start(
                    "--spring.datasource.url=",
                    "--spring.datasource.password=",
                    "--camunda.bpm.admin-user.password=" + NO_SPECIAL));

    assertThat(refusal.getMessage())
        .doesNotContain("\n")
        .startsWith(
            "Duban will not start: (profile postgres) DUBAN_DB_URL is not set; DUBAN_DB_PASSWORD is not set;"
                + " DUBAN_ADMIN_PASSWORD lacks a special character")
        .contains("Set DUBAN_DB_URL to the database's JDBC URL")
        .contains(
            "set DUBAN_ADMIN_PASSWORD to a password of at least 12 characters with a lowercase letter,"
                + " an uppercase letter, a digit and a special character");
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("Duban will not start: (profile postgres) DUBAN_DB_URL is not set")
        // no stack trace, no banner, no engine, no web server, no connection pool
        .doesNotContain("\tat ", ":: Spring Boot ::", "ProcessEngine", "Tomcat", "HikariPool");
  }

  @Test
  void refusesWithoutAnAdminPasswordEvenIfTheShellHasOne() {
    assertThatThrownBy(
            () ->
                start(
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                    "--spring.datasource.password=secret",
                    "--camunda.bpm.admin-user.password="))
        .isInstanceOf(StartRefusedException.class)
        .hasMessage(
            "Duban will not start: (profile postgres) DUBAN_ADMIN_PASSWORD is not set. Set DUBAN_ADMIN_PASSWORD"
                + " to a password of "
                + ProductionGuard.adminRule()
                + ".");
  }

  @Test
  void failureAnalyzerPrintsWhatAndWhatToDo() {
    FailureAnalysis analysis =
        new StartRefusedFailureAnalyzer()
            .analyze(
                new IllegalStateException(
                    new StartRefusedException(
                        "(profile postgres) DUBAN_DB_URL is not set.",
                        "Set DUBAN_DB_URL to the database's JDBC URL.")));

    assertThat(analysis.getDescription())
        .isEqualTo("Duban will not start: (profile postgres) DUBAN_DB_URL is not set.");
    assertThat(analysis.getAction()).isEqualTo("Set DUBAN_DB_URL to the database's JDBC URL.");
  }

  @Test
  void statesTheEnginesPolicyPlusDubansMinimum() {
    assertThat(ProductionGuard.adminRule())
        .isEqualTo(
            "at least 12 characters with a lowercase letter, an uppercase"
                + " letter, a digit and a special character (!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ or space), not containing"
                + " the user's id, first name, last name or e-mail");
  }

  @Test
  void saysWhatAPasswordLacks() {
    User admin = admin();

    assertThat(ProductionGuard.adminPasswordFailures(NO_SPECIAL, admin))
        .singleElement()
        .asString()
        .startsWith("lacks a special character");
    assertThat(ProductionGuard.adminPasswordFailures("Kx9!mQ2#vL", admin))
        .containsExactly("has 10 characters, fewer than 12");
    assertThat(ProductionGuard.adminPasswordFailures("Kx9!mQ2#", admin))
        .containsExactly("has 8 characters, fewer than 12");
    assertThat(ProductionGuard.adminPasswordFailures("duban-7c1f-kx93", admin))
        .containsExactly("lacks an uppercase letter");
    assertThat(ProductionGuard.adminPasswordFailures("onlyletterslong", admin))
        .containsExactly(
            "lacks an uppercase letter and a digit and a special character"
                + " (!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ or space)");
    assertThat(ProductionGuard.adminPasswordFailures("Admin-7c1f-Kx93", admin))
        .containsExactly(
            "contains the user's id, name or e-mail (admin, 系统, 管理员, admin@localhost)");
    assertThat(ProductionGuard.adminPasswordFailures("${ADMIN_SECRET}", admin))
        .containsExactly("names the environment variable ADMIN_SECRET, which is not set");
    assertThat(ProductionGuard.adminPasswordFailures(STRONG, admin)).isEmpty();
  }

  /**
   * The guard's verdict is the engine's own: what it accepts, the engine saves, and the reverse.
   */
  @Test
  void acceptsExactlyWhatTheEngineAccepts() {
    List<String> candidates =
        List.of(
            NO_SPECIAL,
            STRONG,
            "duban-7c1f-kx93",
            "DUBAN-7C1F-KX93",
            "Duban-cfcf-Kxxx",
            "Admin-7c1f-Kx93",
            "Kx9!mQ2#vL2xq",
            "系统-7c1f-Kx93",
            "Duban 7c1f Kx93",
            "督办督办督办-Kx93a");
    ProcessEngine engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:guard-" + UUID.randomUUID())
            .setEnablePasswordPolicy(true)
            .setJobExecutorActivate(false)
            .setProcessEngineName("guard-" + UUID.randomUUID())
            .buildProcessEngine();
    try {
      IdentityService identity = engine.getIdentityService();
      Map<String, Boolean> guard = new LinkedHashMap<>();
      Map<String, Boolean> saved = new LinkedHashMap<>();
      for (String password : candidates) {
        guard.put(password, ProductionGuard.adminPasswordFailures(password, admin()).isEmpty());
        User user = identity.newUser("admin");
        user.setFirstName("系统");
        user.setLastName("管理员");
        user.setEmail("admin@localhost");
        user.setPassword(password);
        boolean ok;
        try {
          identity.saveUser(user);
          identity.deleteUser("admin");
          ok = true;
        } catch (RuntimeException e) {
          assertThat(e).hasMessageContaining("Password does not match policy");
          ok = false;
        }
        saved.put(password, ok);
      }
      assertThat(guard)
          .isEqualTo(saved)
          .containsEntry(STRONG, true)
          .containsEntry(NO_SPECIAL, false);
    } finally {
      engine.close();
    }
  }

  @Test
  void readsTheEnvironmentVariablesThatApplicationPostgresYamlNames() throws IOException {
    Map<String, Object> variables =
        new HashMap<>(
            Map.of(
                "DUBAN_DB_URL", "jdbc:postgresql://db.example:5432/duban",
                "DUBAN_DB_PASSWORD", "db-secret",
                "DUBAN_ADMIN_PASSWORD", STRONG));
    assertThatCode(() -> ProductionGuard.check(production(variables))).doesNotThrowAnyException();

    variables.put("DUBAN_DB_URL", "jdbc:h2:mem:duban");
    variables.remove("DUBAN_DB_PASSWORD");
    variables.put("DUBAN_ADMIN_USER", "Duban");
    assertThatThrownBy(() -> ProductionGuard.check(production(variables)))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageStartingWith(
            "Duban will not start: (profile postgres) DUBAN_DB_URL is not a PostgreSQL JDBC URL;"
                + " DUBAN_DB_PASSWORD is not set; DUBAN_ADMIN_PASSWORD contains the user's id, name or e-mail (Duban,")
        .hasMessageContaining(
            "set DUBAN_DB_PASSWORD to the password of database user duban (DUBAN_DB_USER)");
  }

  @Test
  void checksConfiguredStaffPasswordsByTheEnginesPolicy() throws IOException {
    MockEnvironment environment =
        production(
            Map.of(
                "DUBAN_DB_URL", "jdbc:postgresql://db.example:5432/duban",
                "DUBAN_DB_PASSWORD", "db-secret",
                "DUBAN_ADMIN_PASSWORD", STRONG));
    environment.setProperty("duban.identity.users[0].id", "zhangwei");
    environment.setProperty("duban.identity.users[0].password", "Zhangwei-2024");
    environment.setProperty("duban.identity.users[1].id", "lina");
    environment.setProperty("duban.identity.users[1].password", "${LINA_PASSWORD}");
    environment.setProperty("duban.identity.users[2].id", "wangfang");
    environment.setProperty("duban.identity.users[2].password", "Wf-2024-okay");

    assertThatThrownBy(() -> ProductionGuard.check(environment))
        .isInstanceOf(StartRefusedException.class)
        .hasMessage(
            "Duban will not start: (profile postgres)"
                + " duban.identity.users[0].password (user zhangwei) contains the user's id, name or e-mail (zhangwei);"
                + " duban.identity.users[1].password (user lina) names the environment variable LINA_PASSWORD, which is not set."
                + " Give each user in duban.identity.users a password of at least 10 characters with a lowercase letter,"
                + " an uppercase letter, a digit and a special character (!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ or space),"
                + " not containing the user's id, first name, last name or e-mail.");
  }

  @Test
  void leavesOtherProfilesAlone() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("demo");
    assertThatCode(() -> ProductionGuard.check(demo)).doesNotThrowAnyException();
  }

  /**
   * The shipped configuration of profile postgres, with {@code variables} standing in for the
   * environment.
   */
  private static MockEnvironment production(Map<String, Object> variables) throws IOException {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");
    YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
    for (String name : List.of("application-postgres.yaml", "application.yaml")) {
      for (PropertySource<?> source : yaml.load(name, new ClassPathResource(name))) {
        environment.getPropertySources().addLast(source);
      }
    }
    environment.getPropertySources().addLast(new MapPropertySource("variables", variables));
    return environment;
  }

  private static User admin() {
    UserEntity admin = new UserEntity("admin");
    admin.setFirstName("系统");
    admin.setLastName("管理员");
    admin.setEmail("admin@localhost");
    return admin;
  }

  /**
   * Starts production as an operator would, with {@code args} outranking anything the shell
   * exports.
   */
  private static void start(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--server.port=0";
    System.arraycopy(args, 0, all, 1, args.length);
    new SpringApplicationBuilder(DubanApplication.class).profiles("postgres").run(all).close();
  }
}
