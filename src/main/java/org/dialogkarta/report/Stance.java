package org.dialogkarta.report;

/**
 * The municipality's position that holds for one view, and where it comes from. Nothing is typed
 * twice: a view's own position wins; else a pin's workflow status (planned or done: accommodated,
 * not feasible: not accommodated, out of scope) with its public replies as the answer; else the
 * position on its topic. The public replies are the answer whenever the view has no own answer.
 *
 * @param source {@code view}, {@code status}, {@code topic}, or {@code none}
 */
public record Stance(Effect effect, String answer, String reason, String source) {

  static Stance of(ReportView view, Topic topic) {
    if (view.own() != null) {
      ReportView.OwnPosition own = view.own();
      return new Stance(own.effect(), firstOf(own.answer(), view.replies()), own.reason(), "view");
    }
    Effect byStatus = view.status() == null ? null : Effect.ofPinStatus(view.status());
    if (byStatus != null) {
      String reason = byStatus == Effect.NOT_ACCOMMODATED
          ? firstOf(view.replies(), topic == null ? null : topic.reason()) : null;
      return new Stance(byStatus, firstOf(view.replies(), topic == null ? null : topic.answer()), reason, "status");
    }
    if (topic != null && (topic.effect() != null || topic.answer() != null)) {
      return new Stance(topic.effect(), firstOf(view.replies(), topic.answer()), topic.reason(), "topic");
    }
    return new Stance(null, view.replies(), null, "none");
  }

  private static String firstOf(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
