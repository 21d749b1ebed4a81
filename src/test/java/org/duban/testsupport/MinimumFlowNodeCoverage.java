package org.duban.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least share of a process's flow nodes that a {@link ProcessCoverage} test class must run.
 * Checked after the class when all of its test methods ran (a single method run by hand reports,
 * but is not held to it); a shortfall fails the class, naming the flow nodes no test reached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface MinimumFlowNodeCoverage {

  /** The process definition key. */
  String process();

  /** Covered flow nodes / all flow nodes of the process, 0 to 1. */
  double atLeast();
}
