package org.dialogkarta.pin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.dialogkarta.dialogue.Category;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * What one person said about one place. Created only from a checked {@link NewPin}; moderation
 * and workflow fields change later through staff actions.
 */
@Entity
@Table(name = "pin")
public class Pin {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long dialogueId;
  private Long receiptId;

  @Column(columnDefinition = "geometry(Point,4326)")
  private Point location;

  @Column(columnDefinition = "geometry(Geometry,4326)")
  private Geometry drawnShape;

  private Category category;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private String[] subtags;

  private String text;
  private AgeBand ageBand;
  private Gender gender;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private String[] relations;

  private Source source;
  private ModerationState moderationState;
  private String moderationReason;
  private PinStatus status;
  private int supports;
  private Long walkId;
  @Column(name = "accuracy_m") // the naming strategy would drop the underscore before a final capital
  private Float accuracyM;
  private Instant recordedAt;
  private String meetingName;
  private String language;
  private Instant createdAt;

  protected Pin() {}

  static Pin from(NewPin p, long receiptId, ModerationState initialState, Instant now) {
    Pin pin = new Pin();
    pin.dialogueId = p.dialogueId();
    pin.receiptId = receiptId;
    pin.location = p.location();
    pin.drawnShape = p.drawnShape();
    pin.category = p.category();
    pin.subtags = p.subtags().toArray(String[]::new);
    pin.text = p.text();
    pin.ageBand = p.profile().ageBand();
    pin.gender = p.profile().gender();
    pin.relations = p.profile().relations().stream().map(Relation::code).toArray(String[]::new);
    pin.source = p.source();
    pin.moderationState = initialState;
    pin.status = PinStatus.RECEIVED;
    pin.walkId = p.walkId();
    pin.accuracyM = p.accuracyM();
    pin.recordedAt = p.recordedAt();
    pin.meetingName = p.meetingName();
    pin.language = p.language();
    pin.createdAt = now;
    return pin;
  }

  public Long id() { return id; }
  public long dialogueId() { return dialogueId; }
  public ModerationState moderationState() { return moderationState; }
  public PinStatus status() { return status; }
  public Instant createdAt() { return createdAt; }
}
