package org.duban.engine;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup as {@code duban.history.cleanup} configures it: removal-time based,
 * in a nightly window given in the plans' zone (the engine reads a window in the JVM's zone unless
 * it carries an offset, so the window is handed over as {@code 01:00+0800}), a batch size and a
 * number of parallel jobs. The engine creates the cleanup jobs at start-up once a window is set.
 */
@Component
public class HistoryCleanupSettings extends AbstractProcessEnginePlugin {

  private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("HH:mm");

  private final DubanProperties.Cleanup cleanup;
  private final ZoneId zone;

  public HistoryCleanupSettings(DubanProperties properties) {
    this.cleanup = properties.history().cleanup();
    this.zone = properties.zone();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupStrategy(
        ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
    configuration.setHistoryCleanupBatchWindowStartTime(inZone(cleanup.windowStart()));
    configuration.setHistoryCleanupBatchWindowEndTime(inZone(cleanup.windowEnd()));
    configuration.setHistoryCleanupBatchSize(cleanup.batchSize());
    configuration.setHistoryCleanupDegreeOfParallelism(cleanup.degreeOfParallelism());
  }

  /**
   * "01:00+0800": the time with the zone's offset now (the plans' zone, Asia/Shanghai, keeps one
   * offset all year; a zone with summer time moves the window by its hour until the next start).
   */
  String inZone(LocalTime time) {
    String offset =
        zone.getRules().getOffset(Instant.now()).getId().replace(":", "").replace("Z", "+0000");
    return WINDOW.format(time) + offset;
  }
}
