package org.duban.catalog;

import org.duban.config.DubanProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and validates every catalog at start-up: a bad catalog stops the application here. */
@Configuration
public class CatalogConfiguration {

  @Bean
  public PlanCatalogs planCatalogs(DubanProperties properties) {
    return PlanCatalogs.load(properties.catalog().allLocations());
  }
}
