package org.duban.planimport;

import org.duban.config.DubanProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The offices' import endpoints take bodies up to {@code duban.catalog.max-request-size}, after the
 * login check.
 */
@Configuration
public class PlanImportConfiguration {

  @Bean
  public FilterRegistrationBean<PlanUploadLimit> planUploadLimit(DubanProperties properties) {
    FilterRegistrationBean<PlanUploadLimit> registration =
        new FilterRegistrationBean<>(new PlanUploadLimit(properties.catalog().maxRequestSize()));
    registration.setName("duban-plan-upload-limit");
    registration.addUrlPatterns("/api/plans", "/api/plans/import");
    registration.setOrder(3);
    return registration;
  }
}
