package org.dialogkarta.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code incoming_view} table with its sender and attachment. Every read names its dialogue,
 * so a view id of another dialogue is "not found". Writes are audited in the same transaction,
 * without the text or the sender (the audit log is read by administrators for other reasons).
 */
@Repository
class IncomingViews {

  private static final String SELECT = """
      SELECT v.id, v.dialogue_id, v.received_on, v.channel, v.sender_type, v.text,
             ST_X(v.location) AS lon, ST_Y(v.location) AS lat, v.version,
             v.registered_by, v.created_at, v.changed_by, v.changed_at,
             s.view_id AS sender_id, s.name, s.postal_address, s.email, s.organisation,
             a.media_type, a.file_name, a.byte_size
      FROM incoming_view v
      LEFT JOIN incoming_view_sender s ON s.view_id = v.id
      LEFT JOIN incoming_view_attachment a ON a.view_id = v.id
      """;

  private final JdbcClient jdbc;
  private final AuditLog audit;

  IncomingViews(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  void requireDialogue(long dialogueId) {
    boolean exists = jdbc.sql("SELECT count(*) > 0 FROM dialogue WHERE id = :id").param("id", dialogueId)
        .query(Boolean.class).single();
    if (!exists) {
      throw new NotFoundException("No dialogue " + dialogueId);
    }
  }

  @Transactional
  IncomingView register(long dialogueId, CheckedView view, Optional<Attachment> attachment, String actor) {
    requireDialogue(dialogueId);
    long id = withFields(jdbc.sql("""
            INSERT INTO incoming_view (dialogue_id, received_on, channel, sender_type, text, location,
                                       registered_by, changed_by)
            VALUES (:dialogue, :receivedOn, :channel, :senderType, :text,
                    CASE WHEN CAST(:lon AS float8) IS NULL THEN NULL
                         ELSE ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) END,
                    :actor, :actor)
            RETURNING id"""), view)
        .param("dialogue", dialogueId)
        .param("actor", actor)
        .query(Long.class).single();
    writeSender(id, view.sender());
    attachment.ifPresent(a -> jdbc.sql("""
            INSERT INTO incoming_view_attachment (view_id, media_type, file_name, content, byte_size)
            VALUES (:id, :type, :name, :content, :size)""")
        .param("id", id).param("type", a.mediaType()).param("name", a.fileName())
        .param("content", a.content()).param("size", a.content().length)
        .update());
    IncomingView created = find(dialogueId, id);
    audit.record("view.register", "incoming_view", id, null, created.audited());
    return created;
  }

  /**
   * Replaces the view's fields and sender if nobody changed it since {@code version} was read;
   * otherwise tells who did, so that the second editor reloads instead of overwriting.
   */
  @Transactional
  IncomingView correct(long dialogueId, long id, int version, CheckedView view, String actor) {
    IncomingView before = find(dialogueId, id);
    int updated = withFields(jdbc.sql("""
            UPDATE incoming_view SET received_on = :receivedOn, channel = :channel, sender_type = :senderType,
                   text = :text,
                   location = CASE WHEN CAST(:lon AS float8) IS NULL THEN NULL
                                   ELSE ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) END,
                   version = version + 1, changed_by = :actor, changed_at = now()
            WHERE id = :id AND dialogue_id = :dialogue AND version = :version"""), view)
        .param("actor", actor).param("id", id).param("dialogue", dialogueId).param("version", version)
        .update();
    if (updated == 0) {
      throw stale(before, version);
    }
    jdbc.sql("DELETE FROM incoming_view_sender WHERE view_id = :id").param("id", id).update();
    writeSender(id, view.sender());
    IncomingView after = find(dialogueId, id);
    audit.record("view.correct", "incoming_view", id, before.audited(), after.audited());
    return after;
  }

  @Transactional
  void delete(long dialogueId, long id) {
    IncomingView before = find(dialogueId, id);
    jdbc.sql("DELETE FROM incoming_view WHERE id = :id").param("id", id).update();
    audit.record("view.delete", "incoming_view", id, before.audited(), null);
  }

  List<IncomingView> list(long dialogueId, Channel channel) {
    requireDialogue(dialogueId);
    return jdbc.sql(SELECT + """
            WHERE v.dialogue_id = :dialogue AND (CAST(:channel AS text) IS NULL OR v.channel = :channel)
            ORDER BY v.received_on DESC, v.id DESC""")
        .param("dialogue", dialogueId)
        .param("channel", channel == null ? null : channel.code())
        .query(IncomingViews::view).list();
  }

  IncomingView find(long dialogueId, long id) {
    return jdbc.sql(SELECT + " WHERE v.id = :id AND v.dialogue_id = :dialogue")
        .param("id", id).param("dialogue", dialogueId)
        .query(IncomingViews::view).optional()
        .orElseThrow(() -> new NotFoundException("No view " + id + " in dialogue " + dialogueId));
  }

  Optional<Attachment> attachment(long dialogueId, long id) {
    return jdbc.sql("""
            SELECT a.media_type, a.file_name, a.content FROM incoming_view_attachment a
            JOIN incoming_view v ON v.id = a.view_id WHERE v.id = :id AND v.dialogue_id = :dialogue""")
        .param("id", id).param("dialogue", dialogueId)
        .query((rs, row) -> new Attachment(rs.getString("media_type"), rs.getString("file_name"),
            rs.getBytes("content")))
        .optional();
  }

  private void writeSender(long id, ViewDraft.Sender s) {
    if (s == null) {
      return;
    }
    jdbc.sql("""
            INSERT INTO incoming_view_sender (view_id, name, postal_address, email, organisation)
            VALUES (:id, :name, :address, :email, :organisation)""")
        .param("id", id).param("name", s.name()).param("address", s.postalAddress())
        .param("email", s.email()).param("organisation", s.organisation())
        .update();
  }

  private static JdbcClient.StatementSpec withFields(JdbcClient.StatementSpec spec, CheckedView v) {
    return spec
        .param("receivedOn", v.receivedOn())
        .param("channel", v.channel().code())
        .param("senderType", v.senderType().code())
        .param("text", v.text())
        .param("lon", v.location() == null ? null : v.location().getX(), Types.DOUBLE)
        .param("lat", v.location() == null ? null : v.location().getY(), Types.DOUBLE);
  }

  private static ConflictException stale(IncomingView current, int sent) {
    return new ConflictException("view.stale", "View " + current.id() + " was changed by " + current.changedBy()
        + " at " + current.changedAt() + " (it is now version " + current.version() + "; you sent version "
        + sent + "). Reload it and make your correction again.");
  }

  private static IncomingView view(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    long dialogue = rs.getLong("dialogue_id");
    double lon = rs.getDouble("lon");
    IncomingView.Place location = rs.wasNull() ? null
        : new IncomingView.Place("Point", List.of(lon, rs.getDouble("lat")));
    rs.getLong("sender_id");
    ViewDraft.Sender sender = rs.wasNull() ? null : new ViewDraft.Sender(rs.getString("name"),
        rs.getString("postal_address"), rs.getString("email"), rs.getString("organisation"));
    String mediaType = rs.getString("media_type");
    IncomingView.AttachmentInfo attachment = mediaType == null ? null : new IncomingView.AttachmentInfo(mediaType,
        rs.getString("file_name"), rs.getInt("byte_size"),
        "/api/v1/staff/dialogues/" + dialogue + "/views/" + id + "/attachment");
    return new IncomingView(id, dialogue, rs.getObject("received_on", LocalDate.class),
        Coded.fromCode(Channel.class, rs.getString("channel")).orElseThrow(),
        Coded.fromCode(SenderType.class, rs.getString("sender_type")).orElseThrow(),
        rs.getString("text"), location, sender, attachment, rs.getInt("version"),
        rs.getString("registered_by"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class));
  }
}
