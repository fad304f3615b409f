package org.dialogkarta.pin;

import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A submitter deletes one of their own pins through their receipt link ({@link ReceiptController}):
 * the pin, its photos, its history and notes go (the database cascades, and forgets the
 * Idempotency-Keys that made them); pins merged into it stand on their own again.
 * The audit log keeps only that it happened, never the text.
 */
@Service
class OwnPinDeletion {

  /** What the audit log keeps of a deleted pin. */
  record Gone(long dialogueId, String category) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;

  OwnPinDeletion(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Deletes pin {@code id} if it is on receipt {@code receiptId}; 404 otherwise. */
  @Transactional
  void delete(long receiptId, long id) {
    Gone gone = jdbc.sql("DELETE FROM pin WHERE id = :id AND receipt_id = :receipt RETURNING dialogue_id, category")
        .param("id", id).param("receipt", receiptId)
        .query((rs, i) -> new Gone(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElseThrow(() -> new NotFoundException("No pin " + id + " on this receipt"));
    audit.record("pin.deleted_by_submitter", "pin", id, gone, null);
  }
}
