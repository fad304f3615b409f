package org.dialogkarta.walk;

import java.util.List;

/**
 * The checklist a safety walk starts with, after the published guidance on safety walks (Brå,
 * Boverket): the same questions asked at every stop, each rated on {@link #MIN} to {@link #MAX}.
 * The words are data of the walk once copied, so the facilitator may reword them. Public for
 * the demo's safety walk ({@code demo.DemoSafetyWalk}).
 */
public final class ChecklistTemplate {

  public static final int MIN = 1;
  public static final int MAX = 5;

  /** One question of the template: its topic code and its Swedish wording. */
  public record Question(String topic, String wording) {}

  public static final List<Question> DEFAULT = List.of(
      new Question("lighting", "Belysning: är platsen väl upplyst?"),
      new Question("sightlines", "Sikt: kan man se långt framåt och åt sidorna?"),
      new Question("vegetation", "Växtlighet: är buskar och träd skötta så att de inte skymmer?"),
      new Question("hiding_places", "Gömställen: är platsen fri från ställen där någon kan gömma sig?"),
      new Question("people_around", "Folkliv: finns det andra människor i närheten?"),
      new Question("maintenance", "Underhåll och skräp: är platsen ren och hel?"),
      new Question("orientation", "Skyltning och orientering: är det lätt att hitta?"),
      new Question("way_out", "Flyktvägar: kan man ta sig därifrån åt flera håll?"),
      new Question("surface", "Gång- och cykelyta: är underlaget jämnt och framkomligt?"),
      new Question("feeling_safe", "Trygghetskänsla: hur trygg känner du dig här?"));

  private ChecklistTemplate() {}
}
