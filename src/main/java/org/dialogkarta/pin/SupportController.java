package org.dialogkarta.pin;

import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.receipt.Receipts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Me too": instead of pinning the same thing again, a citizen supports a published pin. The
 * support is kept with the supporter's receipt (made if they have none), so the municipality's
 * reply reaches them as well; one receipt supports a pin once.
 */
@RestController
@Transactional
class SupportController {

  /** Optional: the supporter's earlier receipt token, to gather everything on one link. */
  record SupportRequest(String receipt) {}

  record Supported(long pinId, int supports, String receipt) {}

  private final JdbcClient jdbc;
  private final Receipts receipts;

  SupportController(JdbcClient jdbc, Receipts receipts) {
    this.jdbc = jdbc;
    this.receipts = receipts;
  }

  @PostMapping("/api/v1/pins/{id}/supports")
  ResponseEntity<Supported> support(@PathVariable long id, @RequestBody(required = false) SupportRequest body) {
    record Target(String dialogueStatus, Long receiptId) {}
    Target target = jdbc.sql("""
            SELECT d.status AS dialogue_status, p.receipt_id FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
            WHERE p.id = :id AND\s""" + PublicPins.condition("p") + " FOR UPDATE OF p")
        .param("id", id).query(Target.class).optional()
        .orElseThrow(() -> new NotFoundException("No published pin " + id));
    if (!"ongoing".equals(target.dialogueStatus())) {
      throw new ConflictException("dialogue.closed", "The dialogue is " + target.dialogueStatus() + " and takes no more support");
    }
    Receipts.Issued receipt = receipts.findOrIssue(body == null ? null : body.receipt());
    if (Long.valueOf(receipt.id()).equals(target.receiptId())) {
      throw new ConflictException("support.own_pin", "This is your own pin; it already counts");
    }
    int added = jdbc.sql("INSERT INTO pin_support (pin_id, receipt_id) VALUES (:pin, :receipt) ON CONFLICT DO NOTHING")
        .param("pin", id).param("receipt", receipt.id()).update();
    if (added == 1) {
      jdbc.sql("UPDATE pin SET supports = supports + 1 WHERE id = :id").param("id", id).update();
    }
    int supports = jdbc.sql("SELECT supports FROM pin WHERE id = :id").param("id", id).query(Integer.class).single();
    return ResponseEntity.status(added == 1 ? HttpStatus.CREATED : HttpStatus.OK)
        .body(new Supported(id, supports, receipt.token()));
  }
}
