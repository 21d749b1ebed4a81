package org.duban.testsupport;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The engine side of {@link ProcessCoverage}: the library's parse listener, which gives every flow
 * node and sequence flow a listener that reports to the running test class's collector.
 */
@TestConfiguration(proxyBeanMethods = false)
class ProcessCoverageEngineConfiguration {

  @Bean
  @Order(Ordering.DEFAULT_ORDER + 1)
  AbstractCamundaConfiguration processCoverageEnginePlugin() {
    return new AbstractCamundaConfiguration() {
      @Override
      public void preInit(SpringProcessEngineConfiguration configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      }
    };
  }
}
