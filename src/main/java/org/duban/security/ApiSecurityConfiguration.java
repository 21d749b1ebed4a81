package org.duban.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every endpoint of the project lives under /api and requires a login; refused logins say why. */
@Configuration
public class ApiSecurityConfiguration {

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
    registration.setName("duban-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(2);
    return registration;
  }

  /** Ahead of every login check: the webapps' login, the engine's REST API and /api. */
  @Bean
  public FilterRegistrationBean<LoginDelayNotice> loginDelayNotice(
      LoginDelays delays,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<LoginDelayNotice> registration =
        new FilterRegistrationBean<>(new LoginDelayNotice(delays, webappPath));
    registration.setName("duban-login-delay-notice");
    registration.addUrlPatterns(webappPath + "/api/admin/auth/user/*", "/engine-rest/*", "/api/*");
    registration.setOrder(0);
    return registration;
  }
}
