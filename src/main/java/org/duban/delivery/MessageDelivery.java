package org.duban.delivery;

import static org.duban.names.DeliveryVariables.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.config.DubanProperties.Contact;
import org.springframework.stereotype.Component;

/**
 * The delivery's job: sends its one message over its one channel. A failure throws, so the job
 * executor retries it on the process's retry cycle and raises an incident after the last attempt;
 * each attempt, with its error, is in the job log. The address is read from configuration now, so a
 * corrected contact helps the next retry and no address or secret is copied into history.
 */
@Component("messageDelivery")
public class MessageDelivery implements JavaDelegate {

  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final Contacts contacts;

  public MessageDelivery(List<ChannelSender> senders, Contacts contacts) {
    senders.forEach(s -> this.senders.put(s.channel(), s));
    this.contacts = contacts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Channel channel = Channel.valueOf((String) execution.getVariable(CHANNEL));
    String recipient = (String) execution.getVariable(RECIPIENT);
    Contact contact = channel == Channel.OUTBOX ? null : contacts.of(recipient);
    String to =
        senders
            .get(channel)
            .send(
                contact,
                (String) execution.getVariable(RECIPIENT_NAME),
                (String) execution.getVariable(SUBJECT),
                (String) execution.getVariable(TEXT));
    execution.setVariable(DELIVERED_TO, to);
    execution.setVariable(DELIVERED_AT, ClockUtil.getCurrentTime());
  }
}
