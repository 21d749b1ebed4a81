package org.duban.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * The engine's brute-force protection without its permanent lock. Camunda 7.24 delays a user's next
 * login after each wrong password (loginDelayBase × loginDelayFactor^(attempts−1) seconds, at most
 * loginDelayMaxTime) and, once the failures reach loginMaxAttempts, locks the account until an
 * administrator unlocks it (DbIdentityServiceProvider.isUserLocked). Logins are public group ids,
 * so that lock is one anyone can set on anyone. Here the attempts never reach the maximum: every
 * lock is the delay, which ends by itself after {@code duban.login.max-delay} at most, and a
 * correct password after it resets the count.
 */
@Component
public class LoginThrottling extends AbstractProcessEnginePlugin {

  private final DubanProperties.Login login;

  public LoginThrottling(DubanProperties properties) {
    this.login = properties.login();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(seconds(login.firstDelay()));
    configuration.setLoginDelayFactor(2);
    configuration.setLoginDelayMaxTime(
        Math.max(seconds(login.maxDelay()), seconds(login.firstDelay())));
  }

  private static int seconds(java.time.Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toSeconds()));
  }
}
