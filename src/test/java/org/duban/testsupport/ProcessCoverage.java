package org.duban.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Records which flow nodes and sequence flows of each process a Spring test class ran (the Camunda
 * community's process test coverage), logs the share per process after the class and writes the
 * library's report to {@code target/process-test-coverage/<test class>/report.html}.
 *
 * <p>The classes that carry it share one application context (the import is their context's only
 * difference from a plain {@code @SpringBootTest}), so add it to every class that should share it.
 * {@link MinimumFlowNodeCoverage} on the class makes a shortfall fail the build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ProcessCoverageEngineConfiguration.class)
@TestExecutionListeners(
    listeners = ProcessCoverageListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessCoverage {}
