package org.dialogkarta.dialogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dialogkarta.kernel.Coded;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * A citizen dialogue: what it is about, when it runs, which rung of the participation ladder it
 * offers, where (study area) and on what (categories); and, when it is done, what came of it and
 * what happens next. Written by staff, so this class only reads and answers questions.
 */
@Entity
@Table(name = "dialogue")
public class Dialogue {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String slug;
  private String title;
  private String summary;
  private DialogueStatus status;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private ParticipationLevel participationLevel;
  private ModerationMode moderationMode = ModerationMode.POST;

  @Column(columnDefinition = "geometry(MultiPolygon,4326)")
  private MultiPolygon studyArea;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private String[] categories;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  private String[] acceptedShapes = {"point"};

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "dialogue_subtag", joinColumns = @JoinColumn(name = "dialogue_id"))
  private Set<Subtag> subtags;

  private String outcome;
  private String nextSteps;
  private String responsibleUnit;
  private String contact;

  protected Dialogue() {}

  /** A new dialogue as staff create it; the lifecycle texts and contact are added later. */
  public Dialogue(String slug, String title, String summary, DialogueStatus status,
      ParticipationLevel participationLevel, MultiPolygon studyArea, List<Category> categories,
      Set<Subtag> subtags) {
    this.slug = slug;
    this.title = title;
    this.summary = summary;
    this.status = status;
    this.participationLevel = participationLevel;
    this.studyArea = studyArea;
    this.categories = categories.stream().map(Category::code).toArray(String[]::new);
    this.subtags = new java.util.HashSet<>(subtags);
  }

  /** Only an ongoing dialogue takes new pins. */
  public boolean isOpenForPins() {
    return status == DialogueStatus.ONGOING;
  }

  public List<Category> categories() {
    return Arrays.stream(categories)
        .map(code -> Coded.fromCode(Category.class, code).orElseThrow())
        .toList();
  }

  public boolean offers(Category category) {
    return categories().contains(category);
  }

  /** What a citizen may draw here: point, line, area (at least one; point only by default). */
  public List<ShapeKind> acceptedShapes() {
    return Arrays.stream(acceptedShapes == null ? new String[] {"point"} : acceptedShapes)
        .map(code -> Coded.fromCode(ShapeKind.class, code).orElseThrow())
        .toList();
  }

  public boolean accepts(ShapeKind kind) {
    return acceptedShapes().contains(kind);
  }

  /** Staff choose what the dialogue accepts ({@code DialogueAdministration}); never empty. */
  public void acceptShapes(List<ShapeKind> kinds) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("a dialogue accepts at least one kind of shape");
    }
    this.acceptedShapes = kinds.stream().distinct().sorted().map(ShapeKind::code).toArray(String[]::new);
  }

  /** The sub-tags offered per category, in the order staff gave them. */
  public Map<Category, List<String>> subtagsByCategory() {
    Map<Category, List<String>> out = new LinkedHashMap<>();
    subtags.stream()
        .sorted(Comparator.comparing(Subtag::category).thenComparingInt(Subtag::position))
        .forEach(s -> out.computeIfAbsent(s.category(), c -> new java.util.ArrayList<>()).add(s.tag()));
    return out;
  }

  /** The labels planners gave their own sub-tag codes: code to label. */
  public Map<String, String> subtagLabels() {
    Map<String, String> out = new java.util.TreeMap<>();
    subtags.stream().filter(s -> s.label() != null).forEach(s -> out.put(s.tag(), s.label()));
    return out;
  }

  /** A point is inside when there is no study area, or the area covers it (edges included). */
  public boolean covers(Point point) {
    return studyArea == null || studyArea.covers(point);
  }

  public Optional<MultiPolygon> studyArea() {
    return Optional.ofNullable(studyArea);
  }

  public Long id() { return id; }
  public String slug() { return slug; }
  public String title() { return title; }
  public String summary() { return summary; }
  public DialogueStatus status() { return status; }
  public LocalDate startsOn() { return startsOn; }
  public LocalDate endsOn() { return endsOn; }
  public ParticipationLevel participationLevel() { return participationLevel; }
  public ModerationMode moderationMode() { return moderationMode; }
  public String outcome() { return outcome; }
  public String nextSteps() { return nextSteps; }
  public String responsibleUnit() { return responsibleUnit; }
  public String contact() { return contact; }
}
