package org.duban.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.duban.startup.StartupSequence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Staff accounts from configuration ({@code duban.identity.users}), seeded idempotently after the
 * groups: a missing user is created, and missing memberships are added. An existing user's password
 * is never touched, so people keep the password they set. A password comes only from the
 * environment (e.g. {@code password: ${ZHANG_WEI_PASSWORD}}); never commit one.
 */
@Component
@Order(15)
@EnableConfigurationProperties(ConfiguredUsers.Properties.class)
public class ConfiguredUsers implements StartupSequence.Step {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

  /**
   * @param users staff accounts, each with the groups (unit or office ids) they belong to
   */
  @ConfigurationProperties("duban.identity")
  public record Properties(List<Account> users) {
    public Properties {
      users = users == null ? List.of() : List.copyOf(users);
    }
  }

  public record Account(
      String id,
      String firstName,
      String lastName,
      String email,
      String password,
      List<String> groups) {
    public Account {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  private final Properties properties;
  private final IdentityService identity;

  public ConfiguredUsers(Properties properties, IdentityService identity) {
    this.properties = properties;
    this.identity = identity;
  }

  @Override
  public void run() {
    for (Account account : properties.users()) {
      if (identity.createUserQuery().userId(account.id()).count() == 0) {
        User user = identity.newUser(account.id());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setEmail(account.email());
        if (account.password() != null && !account.password().isBlank()) {
          user.setPassword(account.password());
        }
        identity.saveUser(user);
        log.info("Created user {}", account.id());
      }
      for (String group : account.groups()) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
          throw new IllegalStateException(
              "duban.identity.users: user '"
                  + account.id()
                  + "' names group '"
                  + group
                  + "', which no catalog defines");
        }
        if (identity.createUserQuery().userId(account.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(account.id(), group);
        }
      }
    }
  }
}
