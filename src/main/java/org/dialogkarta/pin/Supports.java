package org.dialogkarta.pin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.receipt.Receipts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Me too": instead of pinning the same thing again, a citizen supports a published pin. The
 * support is kept with the supporter's receipt (made if they have none), so the municipality's
 * reply reaches them as well; one receipt supports a pin once. The pin's row is locked first, so
 * supports at once are counted one after the other.
 */
@Service
class Supports {

  /** @param added false when this receipt had supported the pin already */
  record Supported(long pinId, int supports, String receipt, @JsonIgnore boolean added) {}

  private final JdbcClient jdbc;
  private final Receipts receipts;

  Supports(JdbcClient jdbc, Receipts receipts) {
    this.jdbc = jdbc;
    this.receipts = receipts;
  }

  /** Support published pin {@code id} with the receipt of {@code receiptToken}, or a new receipt. */
  @Transactional
  Supported support(long id, String receiptToken) {
    record Target(String dialogueStatus, Long receiptId) {}
    Target target = jdbc.sql("""
            SELECT d.status AS dialogue_status, p.receipt_id FROM pin p JOIN dialogue d ON d.id = p.dialogue_id
            WHERE p.id = :id AND\s""" + PublicPins.condition("p") + " FOR UPDATE OF p")
        .param("id", id).query(Target.class).optional()
        .orElseThrow(() -> new NotFoundException("No published pin " + id));
    if (!"ongoing".equals(target.dialogueStatus())) {
      throw new ConflictException("dialogue.closed", "The dialogue is " + target.dialogueStatus() + " and takes no more support");
    }
    Receipts.Issued receipt = receipts.findOrIssue(receiptToken);
    if (Long.valueOf(receipt.id()).equals(target.receiptId())) {
      throw new ConflictException("support.own_pin", "This is your own pin; it already counts");
    }
    int added = jdbc.sql("INSERT INTO pin_support (pin_id, receipt_id) VALUES (:pin, :receipt) ON CONFLICT DO NOTHING")
        .param("pin", id).param("receipt", receipt.id()).update();
    if (added == 1) {
      jdbc.sql("UPDATE pin SET supports = supports + 1 WHERE id = :id").param("id", id).update();
    }
    int supports = jdbc.sql("SELECT supports FROM pin WHERE id = :id").param("id", id).query(Integer.class).single();
    return new Supported(id, supports, receipt.token(), added == 1);
  }
}
