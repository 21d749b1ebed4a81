package org.duban.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production (postgres profile) refuses to start without a strong administrator password from the
 * environment, before the engine creates any user: no committed or default secret ever guards a
 * real installation.
 */
@Component
@Profile("postgres")
public class ProductionGuard extends AbstractProcessEnginePlugin {

  static final String VARIABLE = "DUBAN_ADMIN_PASSWORD";

  private final String adminPassword;

  public ProductionGuard(@Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this.adminPassword = adminPassword;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String problem = weakness(adminPassword);
    if (problem != null) {
      throw new IllegalStateException("Duban will not start: " + problem + ". Set the environment variable "
          + VARIABLE + " to a password of at least 12 characters mixing letters and digits.");
    }
  }

  static String weakness(String password) {
    if (password == null || password.isBlank()) {
      return VARIABLE + " is not set";
    }
    if (password.length() < 12) {
      return VARIABLE + " is shorter than 12 characters";
    }
    if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
      return VARIABLE + " must mix letters and digits";
    }
    if (password.toLowerCase().contains("admin") || password.toLowerCase().contains("password")) {
      return VARIABLE + " is a guessable password";
    }
    return null;
  }
}
