package org.dialogkarta.pin;

import java.util.Map;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.NotFoundException;
import org.dialogkarta.receipt.Receipts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A submitter deletes one of their own pins through their receipt link: the pin, its photos, its
 * history and notes go (the database cascades); pins merged into it stand on their own again.
 * The audit log keeps only that it happened, never the text.
 */
@RestController
@Transactional
class OwnPinDeletion {

  private final Receipts receipts;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  OwnPinDeletion(Receipts receipts, JdbcClient jdbc, AuditLog audit) {
    this.receipts = receipts;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @DeleteMapping("/api/v1/receipt/pins/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@RequestHeader(name = Receipts.HEADER, required = false) String token, @PathVariable long id) {
    long receipt = receipts.require(token);
    Map<String, Object> gone = jdbc.sql("DELETE FROM pin WHERE id = :id AND receipt_id = :receipt RETURNING dialogue_id, category")
        .param("id", id).param("receipt", receipt)
        .query((rs, i) -> Map.<String, Object>of("dialogueId", rs.getLong(1), "category", rs.getString(2)))
        .optional()
        .orElseThrow(() -> new NotFoundException("No pin " + id + " on this receipt"));
    audit.record("pin.deleted_by_submitter", "pin", id, gone, null);
  }
}
