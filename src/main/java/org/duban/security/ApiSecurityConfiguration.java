package org.duban.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every endpoint of the project lives under /api and requires a login. */
@Configuration
public class ApiSecurityConfiguration {

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
    registration.setName("duban-api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(2);
    return registration;
  }
}
