package org.duban.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@link StartRefusedException} as Spring Boot's start-up failure report (description and
 * action, no stack trace). Registered in {@code META-INF/spring.factories}.
 */
public class StartRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartRefusedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartRefusedException cause) {
    return new FailureAnalysis("Duban will not start: " + cause.problem(), cause.action(), cause);
  }
}
