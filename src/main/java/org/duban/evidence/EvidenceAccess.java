package org.duban.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.identity.UnitDirectory;
import org.duban.names.RoundVariables;
import org.springframework.stereotype.Component;

/**
 * Which evidence may be served, and to whom. Only a file that a filed report lists is evidence: it
 * passed the type and size rules when the report was accepted. It may be read by the unit that
 * filed it, the lead unit of its round (which consolidates the co-units' reports), the round's
 * supervisors, and auditors; nobody else, not even other units of the same round.
 */
@Component
public class EvidenceAccess {

  /** A file as a filed report lists it: the unit that filed it and the type detected on upload. */
  public record Filed(String roundId, String unit, String mediaType, String sha256) {}

  private final HistoryService history;
  private final ObjectMapper json;

  public EvidenceAccess(HistoryService history, ObjectMapper json) {
    this.history = history;
    this.json = json;
  }

  /** The report entry of an evidence file, if a report of its round lists it. */
  public Optional<Filed> filed(HistoricVariableInstance file) {
    String round = file.getProcessInstanceId();
    for (HistoricVariableInstance report :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(round)
            .variableName(RoundVariables.REPORT)
            .includeDeleted()
            .list()) {
      JsonNode parsed = parse((String) report.getValue());
      for (JsonNode entry : parsed.path("evidence")) {
        if (file.getId().equals(entry.path("variableId").asText(null))) {
          return Optional.of(
              new Filed(
                  round,
                  parsed.path("unit").asText(),
                  entry.path("mediaType").asText(null),
                  entry.path("sha256").asText(null)));
        }
      }
    }
    return Optional.empty();
  }

  public boolean mayRead(List<String> userGroups, Filed file) {
    return userGroups.contains(UnitDirectory.AUDITORS)
        || userGroups.contains(file.unit())
        || roundValue(file.roundId(), RoundVariables.LEAD_UNIT)
            .filter(userGroups::contains)
            .isPresent()
        || roundValue(file.roundId(), RoundVariables.SUPERVISOR_GROUP)
            .filter(userGroups::contains)
            .isPresent();
  }

  private Optional<String> roundValue(String processInstanceId, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .list()
        .stream()
        .filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
        .map(HistoricVariableInstance::getValue)
        .map(String::valueOf)
        .findFirst();
  }

  private JsonNode parse(String report) {
    try {
      return report == null ? json.createObjectNode() : json.readTree(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a filed report is not JSON", e);
    }
  }
}
