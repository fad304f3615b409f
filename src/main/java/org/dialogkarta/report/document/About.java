package org.dialogkarta.report.document;

import java.util.List;

/**
 * Section 1, what the dialogue was about. Labels are Swedish already; any field but the title and
 * summary may be null when the planner has not written it.
 *
 * @param period e.g. "1 mars 2026 – 30 april 2026"
 * @param participationLevel e.g. "Dialog"
 * @param methods how views were gathered, e.g. "Karta på webben", "Trygghetsvandring", "Brev"
 * @param announcement how the dialogue was made known
 * @param conclusions "Vad kom vi fram till?"
 * @param nextSteps "Vad händer nu?"
 */
public record About(
    String dialogueTitle,
    String summary,
    String period,
    String participationLevel,
    List<String> methods,
    String announcement,
    String conclusions,
    String nextSteps,
    String responsibleUnit,
    String contact) {

  public About {
    methods = List.copyOf(methods);
  }
}
