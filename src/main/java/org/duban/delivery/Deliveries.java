package org.duban.delivery;

import static org.duban.names.DeliveryVariables.*;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.engine.SystemQueries;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Service;

/**
 * Queues messages: one instance of the plan's delivery process per message, recipient and channel,
 * business key = the round's key. Called from inside the engine command of the event (a task
 * created, a notice issued), so the message commits or rolls back with it; the send is the
 * delivery's asynchronous job, never this caller's.
 */
@Service
public class Deliveries {

  private final RuntimeService runtime;
  private final Contacts contacts;
  private final MessageTexts texts;

  public Deliveries(RuntimeService runtime, Contacts contacts, MessageTexts texts) {
    this.runtime = runtime;
    this.contacts = contacts;
    this.texts = texts;
  }

  /** Queues the message for each recipient (group ids; duplicates and nulls are dropped). */
  public void queue(Message message, List<String> recipients) {
    Set<String> distinct = new LinkedHashSet<>();
    recipients.stream().filter(Contacts::present).forEach(distinct::add);
    for (String recipient : distinct) {
      for (Channel channel : contacts.channels(recipient)) {
        start(message, recipient, channel);
      }
    }
  }

  /**
   * The engine keeps a string variable in a column of 4000 characters: an issued notice with a long
   * text must not make its own issuing fail. The whole notice stays in the notice's record.
   */
  static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…(全文见督办系统)";
  }

  static final int MAX_TEXT = 3800;

  private void start(Message message, String recipient, Channel channel) {
    String recipientName = contacts.name(recipient);
    Map<String, Object> vars = new HashMap<>();
    vars.put(CHANNEL, channel.name());
    vars.put(CHANNEL_LABEL, channel.label);
    vars.put(RECIPIENT, recipient);
    vars.put(RECIPIENT_NAME, recipientName);
    vars.put(EVENT, message.kind().name());
    vars.put(EVENT_LABEL, message.kind().label);
    vars.put(UNIT, message.unit());
    vars.put(UNIT_NAME, message.unitName());
    vars.put(ROUND_TITLE, message.roundTitle());
    vars.put(SUBJECT, texts.subject(message));
    vars.put(TEXT, cut(texts.text(message, recipient, recipientName)));
    vars.put(QUEUED_AT, ClockUtil.getCurrentTime());
    // a delivery is the system's act, whoever's action caused it (a unit may start no process)
    SystemQueries.run(
        () ->
            runtime.startProcessInstanceByKey(
                ProcessKeys.delivery(message.planId()), message.roundKey(), vars));
  }
}
