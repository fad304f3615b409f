package org.dialogkarta.page;

import static org.dialogkarta.page.Page.Library.CHARTS;
import static org.dialogkarta.page.Page.Library.CLUSTERS;
import static org.dialogkarta.page.Page.Library.MAP;
import static org.dialogkarta.page.Page.Shell.LOGIN;
import static org.dialogkarta.page.Page.Shell.PUBLIC;
import static org.dialogkarta.page.Page.Shell.RECEIPT;
import static org.dialogkarta.page.Page.Shell.STAFF;
import static org.dialogkarta.page.Page.Shell.WALK;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every page there is. A new page is a line here, a template in web/pages with its
 * {@code <main>}, a module in web/js, and (for a readable address) a mapping in PageController.
 * Staff pages live under personal/, which SecurityConfig keeps for signed-in staff.
 */
public final class Pages {

  private Pages() {}

  public static final List<Page> ALL = List.of(
      new Page("index", PUBLIC, "page.start.title", Set.of(), List.of(), "start-page"),
      new Page("dialogue", PUBLIC, "app.name", Set.of(MAP, CLUSTERS), List.of("dialogue", "questionnaire", "place-search"), "dialogue-page"),
      new Page("receipt", RECEIPT, "page.receipt.title", Set.of(), List.of("receipt"), "receipt-page"),
      new Page("accessibility", PUBLIC, "a11y.page.title", Set.of(), List.of(), "accessibility-page"),
      new Page("answer", RECEIPT, "forward.page.title", Set.of(), List.of("receipt", "forwarding"), "answer-page"),
      new Page("login", LOGIN, "staff.page.login", Set.of(), List.of("staff"), "login-page"),
      new Page("follow", PUBLIC, "follow.page.title", Set.of(MAP), List.of("questionnaire", "follow"), "follow-page"),
      new Page("walk", WALK, "walk.page.title", Set.of(MAP), List.of("walk-map", "walk", "walk-checklist", "place-search"), "walk-page"),
      staff("index", "staff.page.start", Set.of(), List.of(), "staff-start"),
      staff("accounts", "staff.page.accounts", Set.of(), List.of(), "accounts-page"),
      staff("audit", "staff.page.audit", Set.of(), List.of(), "audit-page"),
      staff("outbox", "mail.page.title", Set.of(), List.of("outbox"), "outbox-page"),
      staff("api-clients", "open311.page.title", Set.of(), List.of("outbox"), "open311-page"),
      staff("departments", "admin.page.departments", Set.of(), List.of("admin", "forwarding"), "departments-page"),
      staff("dialogues", "admin.page.dialogues", Set.of(MAP), List.of("admin"), "dialogues-admin"),
      staff("moderation", "staff.page.moderation", Set.of(MAP), List.of("forwarding"), "moderation-page"),
      staff("analysis", "analysis.page.title", Set.of(MAP, CLUSTERS, CHARTS), List.of("analysis", "questionnaire"), "analysis-page"),
      staff("exports", "export.pageTitle", Set.of(), List.of("exports"), "exports-page"),
      staff("neighbourhoods", "area.page", Set.of(), List.of("admin"), "neighbourhoods-page"),
      staff("views", "views.pageTitle", Set.of(), List.of("admin", "views"), "views-page"),
      staff("report", "report.page.title", Set.of(), List.of("admin", "report"), "report-page"),
      staff("walks", "walk.plan.pageTitle", Set.of(MAP), List.of("walk-map", "walk-staff"), "walks-page"),
      staff("meeting", "walk.meeting.pageTitle", Set.of(MAP), List.of("walk-map", "walk-staff"), "meeting-page"),
      staff("questions", "questions.pageTitle", Set.of(), List.of("admin", "questionnaire"), "questions-page"),
      staff("walk-report", "walk.report.pageTitle", Set.of(MAP), List.of("walk-map", "walk-staff", "walk-method"), "walk-report-page"),
      staff("walk-method", "walkmethod.page.title", Set.of(MAP), List.of("walk-map", "walk-staff", "walk-method"), "walk-method-page"),
      staff("walk-actions", "walkmethod.body.title", Set.of(), List.of("walk-method"), "walk-actions-page"),
      staff("accessibility", "a11y.staff.heading", Set.of(), List.of(), "accessibility-reports"),
      staff("languages", "languages.page.title", Set.of(), List.of("admin"), "languages-page"));

  private static final Map<String, Page> BY_NAME =
      ALL.stream().collect(Collectors.toUnmodifiableMap(Page::name, Function.identity()));

  private static Page staff(String name, String titleKey, Set<Page.Library> libraries, List<String> styles,
      String module) {
    return new Page("personal/" + name, STAFF, titleKey, libraries, styles, module);
  }

  /** The page named {@code name} ("walk", "personal/walks"). */
  public static Optional<Page> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
