package org.duban.delivery;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox: the latest deliveries the caller may read (an office its plans', an auditor or
 * administrator all, a unit none), with their text and status. In the demo, where every message
 * goes to the local outbox, this is where a new user reads what would have been sent.
 */
@RestController
class DeliveryController {

  static final int MAX = 200;

  private final DeliveryRecords records;

  DeliveryController(DeliveryRecords records) {
    this.records = records;
  }

  @GetMapping("/api/delivery/outbox")
  List<DeliveryRecord> outbox(@RequestParam(defaultValue = "50") int limit) {
    return records.latest(Math.max(1, Math.min(limit, MAX)));
  }
}
