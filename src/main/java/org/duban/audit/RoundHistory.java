package org.duban.audit;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.duban.delivery.DeliveryRecords;
import org.duban.documents.LocalTimes;
import org.duban.extension.ExtensionRecords;
import org.springframework.stereotype.Component;

/**
 * A round's whole history as one {@link RoundDossier}, read with the caller's own authorizations: a
 * round the caller may not read has no history for them.
 */
@Component
public class RoundHistory {

  private final RoundSearch search;
  private final Timeline timeline;
  private final FiledReports reports;
  private final RoundNotices notices;
  private final RoundRecords records;
  private final LocalTimes times;
  private final DeliveryRecords deliveries;
  private final ExtensionRecords extensions;

  RoundHistory(
      RoundSearch search,
      Timeline timeline,
      FiledReports reports,
      RoundNotices notices,
      RoundRecords records,
      LocalTimes times,
      DeliveryRecords deliveries,
      ExtensionRecords extensions) {
    this.search = search;
    this.timeline = timeline;
    this.reports = reports;
    this.notices = notices;
    this.records = records;
    this.times = times;
    this.deliveries = deliveries;
    this.extensions = extensions;
  }

  public Optional<RoundDossier> of(String processInstanceId) {
    return search.one(processInstanceId).map(this::dossier);
  }

  List<RoundDossier> of(List<RoundSummary> rounds) {
    return rounds.stream().map(this::dossier).toList();
  }

  private RoundDossier dossier(RoundSummary round) {
    String id = round.processInstanceId();
    List<UserOperationLogEntry> log = records.operationLog(id);
    FiledReports.Filed filed = reports.of(id);
    return new RoundDossier(
        round,
        times.zone().getId(),
        timeline.of(id, log),
        filed.reports(),
        filed.evidence(),
        notices.of(round.planId(), round.businessKey()),
        records.operations(id, log),
        records.changes(id),
        deliveries.ofRound(round.planId(), round.businessKey()),
        extensions.ofRound(round.planId(), round.businessKey()));
  }
}
