package org.duban.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.duban.identity.ConfiguredUsers;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Production (profile {@code postgres}) refuses to start, in one line and before anything else
 * starts (no banner, no database connection, no port), unless the environment names its database
 * and sets a strong administrator password: no committed or default secret ever guards a real
 * installation.
 *
 * <p>A password is judged by the engine's own password policy ({@link DefaultPasswordPolicyImpl},
 * which {@code enable-password-policy: true} installs, checked by the engine's own {@link
 * IdentityServiceImpl#checkPasswordAgainstPolicy(PasswordPolicy, String, User)} with the user's id,
 * names and e-mail), and the administrator's also by Duban's minimum of {@value #MIN_ADMIN_LENGTH}
 * characters. So a password that passes here is one the engine accepts when it creates the user.
 * The passwords of {@code duban.identity.users} are checked the same way.
 *
 * <p>Registered in {@code META-INF/spring.factories}; it runs when the environment is prepared,
 * right after logging is set up, and {@link StartRefusedFailureAnalyzer} prints the refusal.
 */
public class ProductionGuard
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  public static final String PROFILE = "postgres";
  static final int MIN_ADMIN_LENGTH = 12;

  static final String DB_URL = "DUBAN_DB_URL";
  static final String DB_USER = "DUBAN_DB_USER";
  static final String DB_PASSWORD = "DUBAN_DB_PASSWORD";
  static final String ADMIN_PASSWORD = "DUBAN_ADMIN_PASSWORD";

  private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^}:]+)[^}]*}");

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    check(event.getEnvironment());
  }

  /**
   * Throws {@link StartRefusedException} if {@code environment} is production and not fit to start.
   */
  static void check(ConfigurableEnvironment environment) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    List<String> actions = new ArrayList<>();

    // the Binder, as Spring Boot's own binding does, leaves a placeholder without default as it is
    Binder binder = Binder.get(environment);
    String url = string(binder, "spring.datasource.url").trim();
    if (url.isEmpty()) {
      problems.add(DB_URL + " is not set");
      actions.add(
          "set "
              + DB_URL
              + " to the database's JDBC URL, e.g. jdbc:postgresql://db.example:5432/duban");
    } else if (!url.startsWith("jdbc:postgresql:")) {
      problems.add(DB_URL + " is not a PostgreSQL JDBC URL");
      actions.add("set " + DB_URL + " to jdbc:postgresql://HOST:PORT/DATABASE");
    }
    if (string(binder, "spring.datasource.password").isBlank()) {
      problems.add(DB_PASSWORD + " is not set");
      actions.add(
          "set "
              + DB_PASSWORD
              + " to the password of database user "
              + string(binder, "spring.datasource.username")
              + " ("
              + DB_USER
              + ")");
    }

    AdminUserProperty admin =
        binder
            .bind("camunda.bpm.admin-user", Bindable.of(AdminUserProperty.class))
            .orElseGet(AdminUserProperty::new);
    String adminPassword = admin.getPassword() == null ? "" : admin.getPassword();
    if (adminPassword.isBlank()) {
      problems.add(ADMIN_PASSWORD + " is not set");
      actions.add("set " + ADMIN_PASSWORD + " to a password of " + adminRule());
    } else if (admin.getId() != null && !admin.getId().isBlank()) {
      admin.init(); // the names and e-mail the engine will give the administrator
      List<String> failures = adminPasswordFailures(adminPassword, admin);
      if (!failures.isEmpty()) {
        problems.add(ADMIN_PASSWORD + " " + String.join(", ", failures));
        actions.add("set " + ADMIN_PASSWORD + " to a password of " + adminRule());
      }
    }

    List<ConfiguredUsers.Account> users =
        binder
            .bind("duban.identity", Bindable.of(ConfiguredUsers.Properties.class))
            .map(ConfiguredUsers.Properties::users)
            .orElse(List.of());
    for (int i = 0; i < users.size(); i++) {
      ConfiguredUsers.Account account = users.get(i);
      if (account.password() == null || account.password().isBlank() || account.id() == null) {
        continue;
      }
      List<String> failures = passwordFailures(account.password(), asUser(account), 0);
      if (!failures.isEmpty()) {
        String property = "duban.identity.users[" + i + "].password";
        problems.add(property + " (user " + account.id() + ") " + String.join(", ", failures));
        actions.add(
            "give each user in duban.identity.users a password of " + describe(policy(), 0));
      }
    }

    if (!problems.isEmpty()) {
      throw new StartRefusedException(
          "(profile " + PROFILE + ") " + String.join("; ", problems) + ".",
          capitalize(String.join("; ", actions.stream().distinct().toList())) + ".");
    }
  }

  private static String string(Binder binder, String property) {
    return binder.bind(property, String.class).orElse("");
  }

  /** What the administrator's password needs: the engine's policy and Duban's minimum length. */
  static String adminRule() {
    return describe(policy(), MIN_ADMIN_LENGTH);
  }

  static List<String> adminPasswordFailures(String password, User admin) {
    return passwordFailures(password, admin, MIN_ADMIN_LENGTH);
  }

  /** The engine's policy, as {@code enable-password-policy: true} installs it. */
  static PasswordPolicy policy() {
    return new DefaultPasswordPolicyImpl();
  }

  /**
   * What {@code password} lacks, in words, judged by the engine's own check for {@code user} and by
   * {@code minLength} (0 for none); empty if the engine and Duban accept it.
   */
  static List<String> passwordFailures(String password, User user, int minLength) {
    List<String> failures = new ArrayList<>();
    Matcher unresolved = UNRESOLVED.matcher(password);
    if (unresolved.find()) {
      failures.add("names the environment variable " + unresolved.group(1) + ", which is not set");
      return failures;
    }
    PasswordPolicyResult result =
        new IdentityServiceImpl().checkPasswordAgainstPolicy(policy(), password, user);
    int length = password.length();
    boolean engineLength =
        result.getViolatedRules().stream()
            .anyMatch(
                rule -> PasswordPolicyLengthRuleImpl.PLACEHOLDER.equals(rule.getPlaceholder()));
    if (engineLength || length < minLength) {
      failures.add(
          "has " + length + " characters, fewer than " + Math.max(minLength, minLength(policy())));
    }
    List<String> lacks = new ArrayList<>();
    for (PasswordPolicyRule rule : result.getViolatedRules()) {
      switch (rule.getPlaceholder()) {
        case PasswordPolicyLengthRuleImpl.PLACEHOLDER -> {} // said above
        case PasswordPolicyUserDataRuleImpl.PLACEHOLDER ->
            failures.add(
                "contains the user's id, name or e-mail ("
                    + Stream.of(
                            user.getId(), user.getFirstName(), user.getLastName(), user.getEmail())
                        .filter(v -> v != null && !v.isBlank())
                        .collect(Collectors.joining(", "))
                    + ")");
        default -> lacks.add(describe(rule));
      }
    }
    if (!lacks.isEmpty()) {
      failures.add("lacks " + String.join(" and ", lacks));
    }
    return failures;
  }

  /** The whole policy in words, with its length raised to at least {@code minLength}. */
  static String describe(PasswordPolicy policy, int minLength) {
    List<String> needs = new ArrayList<>();
    String notContaining = null;
    for (PasswordPolicyRule rule : policy.getRules()) {
      switch (rule.getPlaceholder()) {
        case PasswordPolicyLengthRuleImpl.PLACEHOLDER -> {}
        case PasswordPolicyUserDataRuleImpl.PLACEHOLDER ->
            notContaining = "not containing the user's id, first name, last name or e-mail";
        default -> needs.add(describe(rule));
      }
    }
    String text = "at least " + Math.max(minLength, minLength(policy)) + " characters";
    if (!needs.isEmpty()) {
      text += " with " + joinAnd(needs);
    }
    return notContaining == null ? text : text + ", " + notContaining;
  }

  private static int minLength(PasswordPolicy policy) {
    return policy.getRules().stream()
        .filter(rule -> PasswordPolicyLengthRuleImpl.PLACEHOLDER.equals(rule.getPlaceholder()))
        .mapToInt(rule -> Integer.parseInt(rule.getParameters().get("minLength")))
        .max()
        .orElse(0);
  }

  private static String describe(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters() == null ? Map.of() : rule.getParameters();
    return switch (rule.getPlaceholder()) {
      case PasswordPolicyLowerCaseRuleImpl.PLACEHOLDER ->
          count(parameters.get("minLowerCase"), "lowercase letter");
      case PasswordPolicyUpperCaseRuleImpl.PLACEHOLDER ->
          count(parameters.get("minUpperCase"), "uppercase letter");
      case PasswordPolicyDigitRuleImpl.PLACEHOLDER -> count(parameters.get("minDigit"), "digit");
      case PasswordPolicySpecialCharacterRuleImpl.PLACEHOLDER ->
          count(parameters.get("minSpecial"), "special character")
              + " ("
              + PasswordPolicySpecialCharacterRuleImpl.SPECIALCHARACTERS.strip()
              + " or space)";
      default -> rule.getPlaceholder() + (parameters.isEmpty() ? "" : " " + parameters);
    };
  }

  private static String count(String number, String noun) {
    return "1".equals(number) || number == null
        ? (noun.matches("[aeiou].*") ? "an " : "a ") + noun
        : number + " " + noun + "s";
  }

  private static String joinAnd(List<String> parts) {
    return parts.size() == 1
        ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1))
            + " and "
            + parts.get(parts.size() - 1);
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static User asUser(ConfiguredUsers.Account account) {
    UserEntity user = new UserEntity(account.id());
    user.setFirstName(account.firstName());
    user.setLastName(account.lastName());
    user.setEmail(account.email());
    return user;
  }
}
