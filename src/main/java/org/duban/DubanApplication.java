package org.duban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Duban (督办): the responsibility tasks of local-government IP plans as Camunda processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DubanApplication {

  public static void main(String[] args) {
    SpringApplication.run(DubanApplication.class, args);
  }
}
