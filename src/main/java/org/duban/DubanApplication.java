package org.duban;

import org.duban.importer.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Duban (督办): the responsibility tasks of local-government IP plans as Camunda processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DubanApplication {

  /**
   * Starts the server; {@code import <plan document>} instead converts a plan document into a
   * catalog on stdout (problems on stderr) without starting anything.
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("import")) {
      System.exit(ImportCommand.run(args, System.out, System.err));
    }
    SpringApplication.run(DubanApplication.class, args);
  }
}
