package org.dialogkarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dialogkarta.demo.DemoMunicipality.Contents;
import org.dialogkarta.demo.DemoMunicipality.Dialogue;
import org.dialogkarta.demo.DemoMunicipality.Neighbourhood;
import org.dialogkarta.demo.DemoPins.Pin;
import org.junit.jupiter.api.Test;

/** The demo municipality as data: no Spring, no database. */
class DemoDataTest {

  private final Contents demo = DemoMunicipality.norrkoping();

  @Test
  void isTheSameOnEveryRun() {
    assertThat(DemoMunicipality.norrkoping()).isEqualTo(demo);
  }

  @Test
  void everyPinLiesInItsDialoguesStudyArea() {
    Map<String, Dialogue> dialogues = bySlug();
    assertThat(demo.pins()).allSatisfy(p ->
        assertThat(dialogues.get(p.dialogueSlug()).studyArea().covers(p.location()))
            .as("%s at %s", p.dialogueSlug(), p.location()).isTrue());
  }

  @Test
  void neighbourhoodsAreValidAndDoNotOverlap() {
    List<Neighbourhood> all = demo.neighbourhoods();
    assertThat(all).hasSizeBetween(6, 8).allSatisfy(n -> {
      assertThat(n.boundary().isValid()).as(n.name()).isTrue();
      assertThat(n.code()).matches("NKP-\\d{2}");
    });
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        assertThat(all.get(i).boundary().intersects(all.get(j).boundary()))
            .as("%s and %s", all.get(i).name(), all.get(j).name()).isFalse();
      }
    }
  }

  @Test
  void dialoguesHaveTheirTextsAndValidStudyAreas() {
    assertThat(demo.dialogues()).allSatisfy(d -> {
      assertThat(d.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(d.title()).isNotBlank();
      assertThat(d.summary()).isNotBlank();
      assertThat(d.contact()).endsWith("@example.se");
      assertThat(d.studyArea().isValid()).as(d.slug()).isTrue();
      assertThat(d.categories()).containsAll(d.subtags().keySet());
    });
    Dialogue park = demo.dialogue(DemoMunicipality.PARK);
    assertThat(park.status()).isEqualTo("completed");
    assertThat(park.outcome()).contains(pinsOf(DemoMunicipality.PARK).size() + " synpunkter");
    assertThat(park.nextSteps()).isNotBlank();
    assertThat(demo.dialogue(DemoMunicipality.GREEN_PLAN).startsOn().getYear()).isEqualTo(2027);
  }

  @Test
  void pinsFitTheirDialogue() {
    Map<String, Dialogue> dialogues = bySlug();
    assertThat(demo.pins()).allSatisfy(p -> {
      Dialogue d = dialogues.get(p.dialogueSlug());
      assertThat(d.categories()).contains(p.category());
      assertThat(d.subtags().getOrDefault(p.category(), List.of())).containsAll(p.subtags());
      assertThat(p.text().strip()).hasSizeBetween(1, 2000);
      LocalDate day = p.createdAt().atZone(DemoPins.ZONE).toLocalDate();
      LocalDate last = d.endsOn().isBefore(DemoMunicipality.AS_OF)
          ? d.endsOn() : DemoMunicipality.AS_OF;
      assertThat(day).isBetween(d.startsOn(), last);
      assertThat(p.supports()).isBetween(0, 12);
      assertThat(p.ageBand()).isIn(null, "under_16", "16_24", "25_44", "45_64", "65_79", "80_plus");
      assertThat(p.gender()).isIn(null, "woman", "man", "other");
      assertThat(Set.of("lives", "works", "studies", "visits")).containsAll(p.relations());
      assertThat(p.moderationReason() != null).isEqualTo(p.moderationState().equals("hidden"));
    });
    assertThat(pinsOf(DemoMunicipality.GREEN_PLAN)).isEmpty();
    assertThat(pinsOf(DemoMunicipality.WALK)).hasSize(224);
    assertThat(pinsOf(DemoMunicipality.VILLAGES)).hasSize(92);
  }

  @Test
  void aFewPinsAwaitModerationAndAFewAreHidden() {
    Map<String, Long> states = demo.pins().stream()
        .collect(Collectors.groupingBy(Pin::moderationState, Collectors.counting()));
    assertThat(states.get("hidden")).isBetween(2L, 3L);
    assertThat(states.get("pending")).isBetween(3L, 10L);
    assertThat(pinsOf(DemoMunicipality.PARK)).allSatisfy(p ->
        assertThat(p.moderationState()).isEqualTo("published"));
  }

  @Test
  void theSafetyWalkIsMostlyAboutSafetyAndTheTextsDoNotRepeat() {
    List<Pin> walk = pinsOf(DemoMunicipality.WALK);
    long safety = walk.stream().filter(p -> p.category().equals("safety_concern")).count();
    assertThat(safety).isGreaterThan(walk.size() / 2);
    assertThat(walk).anySatisfy(p -> assertThat(p.source()).isEqualTo("walk"));
    for (String slug : List.of(DemoMunicipality.WALK, DemoMunicipality.VILLAGES,
        DemoMunicipality.PARK)) {
      List<Pin> pins = pinsOf(slug);
      long distinct = pins.stream().map(Pin::text).distinct().count();
      assertThat(distinct).as(slug).isGreaterThanOrEqualTo(pins.size() * 95L / 100);
    }
  }

  @Test
  void theNavestadWalksCarryTheirPinsInRouteOrder() {
    Dialogue navestad = demo.dialogue(DemoMunicipality.WALK);
    assertThat(demo.walks()).hasSize(2).allSatisfy(w -> {
      assertThat(w.dialogueSlug()).isEqualTo(DemoMunicipality.WALK);
      assertThat(navestad.studyArea().covers(w.plannedRoute())).isTrue();
      assertThat(navestad.studyArea().covers(w.meetingPoint())).isTrue();
      assertThat(w.endsAt()).isAfter(w.startsAt());
      assertThat(w.closedAt()).isAfter(w.endsAt());
      assertThat(w.closedAt()).isBefore(DemoMunicipality.AS_OF.atStartOfDay(DemoPins.ZONE).toInstant());
    });
    List<Pin> walkPins = pinsOf(DemoMunicipality.WALK).stream().filter(p -> p.source().equals("walk")).toList();
    assertThat(walkPins).isNotEmpty().allSatisfy(p -> {
      assertThat(p.walk()).isNotNull();
      DemoWalks.Walk w = demo.walks().get(p.walk());
      assertThat(p.recordedAt()).isBetween(w.startsAt(), w.endsAt());
      assertThat(p.createdAt()).isAfter(p.recordedAt());
    });
    assertThat(demo.pins()).filteredOn(p -> p.walk() != null).allSatisfy(p ->
        assertThat(p.source()).isEqualTo("walk"));
    var along = new org.locationtech.jts.linearref.LengthIndexedLine(DemoWalks.ROUTE);
    for (int w = 0; w < demo.walks().size(); w++) {
      int walk = w;
      List<Double> positions = walkPins.stream().filter(p -> p.walk() == walk)
          .sorted(java.util.Comparator.comparing(Pin::recordedAt))
          .map(p -> along.project(p.location().getCoordinate())).toList();
      assertThat(positions).hasSizeGreaterThan(5).isSorted();
    }
  }

  private List<Pin> pinsOf(String slug) {
    return demo.pins().stream().filter(p -> p.dialogueSlug().equals(slug)).toList();
  }

  private Map<String, Dialogue> bySlug() {
    return demo.dialogues().stream().collect(Collectors.toMap(Dialogue::slug, Function.identity()));
  }
}
