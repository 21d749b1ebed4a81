package org.duban.security;

import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** How long a user must wait before the engine accepts their next login, and how to tell them. */
@Component
public class LoginDelays {

  private final IdentityService identity;

  public LoginDelays(IdentityService identity) {
    this.identity = identity;
  }

  /** The time left on the user's login delay (the engine's clock), if any. */
  public Optional<Duration> remaining(String userId) {
    if (userId == null || userId.isBlank()) {
      return Optional.empty();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (!(user instanceof UserEntity entity) || entity.getLockExpirationTime() == null) {
      return Optional.empty();
    }
    long left = entity.getLockExpirationTime().getTime() - ClockUtil.getCurrentTime().getTime();
    return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
  }

  /** What the login page says when the user must wait. */
  public static String message(Duration wait) {
    return "登录被拒绝:该账号刚输错过密码。为防止密码被猜出,需等待 "
        + readable(wait)
        + "后才能再次登录,在此之前即使密码正确也会被拒绝。连续输错时等待时间逐次加长,但账号不会被永久锁定。";
  }

  /** Whole seconds, rounded up: "3 秒", "5 分钟", "4 分 10 秒". */
  static String readable(Duration wait) {
    long seconds = (wait.toMillis() + 999) / 1000;
    if (seconds < 60) {
      return seconds + " 秒";
    }
    long minutes = seconds / 60;
    long rest = seconds % 60;
    return rest == 0 ? minutes + " 分钟" : minutes + " 分 " + rest + " 秒";
  }

  static long wholeSeconds(Duration wait) {
    return (wait.toMillis() + 999) / 1000;
  }
}
