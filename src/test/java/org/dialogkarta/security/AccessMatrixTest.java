package org.dialogkarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request mapping of the application, for anonymous and for each role, against the rule
 * intended for it. A new endpoint without a rule here fails the test, so nothing can be added
 * without deciding who may call it.
 */
@IntegrationTest
class AccessMatrixTest {

  /** Who may call an endpoint. STAFF is any signed-in staff member. */
  /** API_KEY: refused (403) to every caller that brings no key of its own, staff or not (Open311 posts). */
  enum Rule { PUBLIC, STAFF, MODERATOR, PLANNER, GIS, PLANNER_OR_GIS, ADMIN, API_KEY }

  /** The intended rules, as "METHOD path-pattern". */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    for (String publicEndpoint : List.of(
        "GET /api/v1/dialogues", "GET /api/v1/dialogues/{id}", "GET /api/v1/dialogues/{id}/pins", "GET /api/v1/dialogues/{id}/pins/nearby",
        "POST /api/v1/dialogues/{id}/pins", "GET /api/v1/dialogues/{id}/neighbourhoods", "GET /api/v1/pins/{id}", "GET /api/v1/receipt",
        "POST /api/v1/pins/{id}/photos", "GET /api/v1/photos/{id}", "GET /api/v1/photos/{id}/thumbnail",
        "GET /api/v1/receipt/photos/{id}", "GET /api/v1/receipt/photos/{id}/thumbnail",
        "GET /api/v1/site", "GET /api/v1/messages/{lang}", "GET /api/v1/csrf",
        "POST /api/v1/pins/{id}/supports", "DELETE /api/v1/receipt/pins/{id}",
        "GET /api/v1/walks/{id}", "POST /api/v1/walks/{id}/tracks",
        "GET /dialoger/{slug}", "GET /vandring/{id}", "GET /kvitto", "GET /logga-in", "ANY /error",
        "GET /", "GET /{name}.html")) {
      RULES.put(publicEndpoint, Rule.PUBLIC);
    }
    for (String publicEndpoint : List.of("POST /api/v1/follow/receipt", "POST /api/v1/follow/subscriptions",
        "POST /api/v1/follow/confirm", "GET /api/v1/follow/unsubscribe", "POST /api/v1/follow/unsubscribe",
        "POST /api/v1/follow/receipt-link", "GET /api/v1/follow/neighbourhoods", "GET /folj")) {
      RULES.put(publicEndpoint, Rule.PUBLIC);
    }
    for (String ogc : List.of("GET /ogc", "GET /ogc/", "GET /ogc/conformance", "GET /ogc/api", "GET /ogc/collections",
        "GET /ogc/collections/{collectionId}", "GET /ogc/collections/{collectionId}/items",
        "GET /ogc/collections/{collectionId}/items/{featureId}", "GET /ogc/collections/{collectionId}/queryables")) {
      RULES.put(ogc, Rule.PUBLIC);
    }
    RULES.put("GET /api/v1/staff/me", Rule.STAFF);
    RULES.put("GET /personal", Rule.STAFF);
    // The page explains the GIS role to other staff (like every staff page); its API is GIS only.
    RULES.put("GET /personal/exporter", Rule.STAFF);
    RULES.put("GET /personal/vandring/{id}/rapport", Rule.STAFF);
    RULES.put("GET /personal/analys", Rule.STAFF);
    RULES.put("GET /personal/", Rule.STAFF);
    RULES.put("GET /personal/{name}.html", Rule.STAFF);
    RULES.put("GET /api/v1/staff/accounts", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/accounts", Rule.ADMIN);
    RULES.put("PATCH /api/v1/staff/accounts/{id}", Rule.ADMIN);
    RULES.put("GET /api/v1/staff/audit", Rule.ADMIN);
    RULES.put("GET /api/v1/staff/mail/outbox", Rule.ADMIN);
    RULES.put("GET /api/v1/staff/mail/outbox/{id}", Rule.ADMIN);
    RULES.put("GET /personal/utskick", Rule.STAFF);
    RULES.put("GET /feeds/dialogues/{slug}.atom", Rule.PUBLIC);
    RULES.put("GET /feeds/neighbourhoods/{id}.atom", Rule.PUBLIC);
    for (String open311 : List.of("GET /open311/v2/services.{format}", "GET /open311/v2/services/{code}.{format}",
        "GET /open311/v2/requests.{format}", "GET /open311/v2/requests/{id}.{format}")) {
      RULES.put(open311, Rule.PUBLIC);
    }
    RULES.put("POST /open311/v2/requests.{format}", Rule.API_KEY);
    RULES.put("GET /api/v1/staff/open311/clients", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/open311/clients", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/open311/clients/{id}/revoke", Rule.ADMIN);
    RULES.put("GET /api/v1/staff/languages", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/dialogues", Rule.ADMIN);
    RULES.put("PUT /api/v1/staff/dialogues/{id}", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/dialogues/{id}/status", Rule.ADMIN);
    RULES.put("GET /api/v1/staff/dialogues/{id}/translations", Rule.ADMIN); // content
    RULES.put("GET /api/v1/staff/walks/{id}/translations", Rule.PLANNER); // content
    RULES.put("PUT /api/v1/staff/walks/{id}/translations/{language}", Rule.PLANNER); // content
    RULES.put("GET /api/v1/accessibility", Rule.PUBLIC); // content: accessibility statement
    RULES.put("POST /api/v1/accessibility/reports", Rule.PUBLIC);
    RULES.put("GET /api/v1/accessibility/reports/mine", Rule.PUBLIC);
    RULES.put("GET /tillganglighet", Rule.PUBLIC);
    RULES.put("GET /api/v1/staff/accessibility/reports", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/accessibility/reports/{id}/answer", Rule.ADMIN);
    RULES.put("POST /api/v1/staff/accessibility/reports/{id}/close", Rule.ADMIN);
    RULES.put("PUT /api/v1/staff/dialogues/{id}/translations/{language}", Rule.ADMIN); // content
    RULES.put("GET /api/v1/staff/departments", Rule.STAFF);
    RULES.put("POST /api/v1/staff/departments", Rule.ADMIN);
    RULES.put("PATCH /api/v1/staff/departments/{id}", Rule.ADMIN);
    ForwardingAccess.rules().forEach((endpoint, rule) -> RULES.put(endpoint, Rule.valueOf(rule)));
    for (String moderation : List.of(
        "GET /api/v1/staff/moderation/queue", "GET /api/v1/staff/moderation/pins/{id}",
        "POST /api/v1/staff/moderation/pins/{id}/approve", "POST /api/v1/staff/moderation/pins/{id}/hide",
        "POST /api/v1/staff/moderation/pins/{id}/redact", "GET /api/v1/staff/moderation/photos/{id}",
        "GET /api/v1/staff/moderation/photos/{id}/thumbnail")) {
      RULES.put(moderation, Rule.MODERATOR);
    }
    for (String workflow : List.of(
        "GET /api/v1/staff/pins", "POST /api/v1/staff/pins/{id}/status", "POST /api/v1/staff/pins/{id}/notes",
        "POST /api/v1/staff/pins/selection", "POST /api/v1/staff/pins/replies", "POST /api/v1/staff/pins/merge")) {
      RULES.put(workflow, Rule.PLANNER);
    }
    for (String walks : List.of(
        "GET /api/v1/staff/walks", "POST /api/v1/staff/walks", "GET /api/v1/staff/walks/{id}",
        "PUT /api/v1/staff/walks/{id}", "POST /api/v1/staff/walks/{id}/close",
        "GET /api/v1/staff/walks/{id}/report", "POST /api/v1/staff/dialogues/{id}/meeting-pins")) {
      RULES.put(walks, Rule.PLANNER);
    }
    // Safety walks by the method (walks): the facilitator's parts, walk mode's, the public actions, the bodies'.
    for (String walks : List.of("GET /api/v1/staff/walks/{id}/method", "PUT /api/v1/staff/walks/{id}/checklist",
        "PUT /api/v1/staff/walks/{id}/stops", "PUT /api/v1/staff/walks/{id}/meetings/{kind}",
        "POST /api/v1/staff/walks/{id}/actions", "PUT /api/v1/staff/walks/{id}/actions/{actionId}",
        "GET /api/v1/staff/walks/{id}/report.pdf", "GET /api/v1/staff/walks/{id}/ratings/{setId}/photo",
        "GET /api/v1/staff/walks/{id}/ratings/{setId}/photo/thumbnail")) {
      RULES.put(walks, Rule.PLANNER);
    }
    for (String walkMode : List.of("GET /api/v1/walks/{id}/checklist", "POST /api/v1/walks/{id}/ratings",
        "POST /api/v1/walks/{id}/ratings/{setId}/photo",
        "GET /api/v1/dialogues/{ref}/walk-actions")) {
      RULES.put(walkMode, Rule.PUBLIC);
    }
    for (String walks : List.of("GET /api/v1/staff/walk-actions", "PATCH /api/v1/staff/walk-actions/{id}")) {
      RULES.put(walks, Rule.MODERATOR);
    }
    for (String views : List.of(
        "POST /api/v1/staff/dialogues/{dialogueId}/views", "GET /api/v1/staff/dialogues/{dialogueId}/views",
        "GET /api/v1/staff/dialogues/{dialogueId}/views/{id}", "PUT /api/v1/staff/dialogues/{dialogueId}/views/{id}",
        "DELETE /api/v1/staff/dialogues/{dialogueId}/views/{id}",
        "GET /api/v1/staff/dialogues/{dialogueId}/views/{id}/attachment")) {
      RULES.put(views, Rule.PLANNER);
    }
    for (String publicMap : List.of("GET /api/v1/dialogues/{id}/pins/tiles/{z}/{x}/{y}", "GET /api/v1/dialogues/{id}/pins/page",
        "GET /api/v1/dialogues/{id}/shapes",
        "GET /api/v1/dialogues/{slug}/report", "GET /api/v1/dialogues/{slug}/report/{number}.{format}")) {
      RULES.put(publicMap, Rule.PUBLIC);
    }
    for (String report : List.of("GET", "PUT /texts", "GET /topics", "POST /topics", "PUT /topics/{id}", "DELETE /topics/{id}",
        "POST /topics/{id}/merge", "POST /grouping", "GET /views", "PUT /views/{ref}/position",
        "DELETE /views/{ref}/position", "GET /topic-suggestions", "POST /builds", "GET /builds/{id}",
        "GET /builds/{id}/report.{format}", "POST /versions", "GET /versions", "GET /versions/{number}.{format}",
        "GET /not-met", "GET /not-met.csv")) {
      String[] parts = report.split(" ", 2);
      RULES.put(parts[0] + " /api/v1/staff/dialogues/{dialogueId}/report" + (parts.length > 1 ? parts[1] : ""), Rule.PLANNER);
    }
    RULES.put("GET /api/v1/staff/neighbourhoods", Rule.PLANNER);
    RULES.put("POST /api/v1/staff/neighbourhoods", Rule.PLANNER);
    RULES.put("GET /api/v1/staff/places", Rule.PLANNER);
    RULES.put("POST /api/v1/staff/places", Rule.PLANNER);
    RULES.put("GET /api/v1/places", Rule.PUBLIC);
    RULES.put("GET /api/v1/places/study-area-parts", Rule.PUBLIC);
    RULES.put("GET /api/v1/analysis/statistics", Rule.PLANNER_OR_GIS);
    RULES.put("GET /api/v1/analysis/neighbourhoods", Rule.PLANNER_OR_GIS);
    for (String analysis : List.of(
        "GET /api/v1/analysis/clusters", "GET /api/v1/analysis/hotspots", "GET /api/v1/analysis/pins",
        "GET /api/v1/analysis/pins/grid", "GET /api/v1/analysis/themes", "GET /api/v1/analysis/drawn-areas")) {
      RULES.put(analysis, Rule.PLANNER_OR_GIS);
    }
    for (String survey : List.of("GET /api/v1/dialogues/{id}/questionnaire", "POST /api/v1/dialogues/{id}/responses")) {
      RULES.put(survey, Rule.PUBLIC);
    }
    for (String questions : List.of("GET", "POST", "PUT /{questionId}", "DELETE /{questionId}", "GET /{questionId}/versions",
        "PUT /order", "GET /{questionId}/translations", "PUT /{questionId}/translations/{language}")) {
      String[] parts = questions.split(" ", 2);
      RULES.put(parts[0] + " /api/v1/staff/dialogues/{id}/questions" + (parts.length > 1 ? parts[1] : ""), Rule.ADMIN);
    }
    RULES.put("GET /api/v1/analysis/questionnaire", Rule.PLANNER_OR_GIS);
    RULES.put("GET /api/v1/analysis/questionnaire/map", Rule.PLANNER_OR_GIS);
    RULES.put("GET /api/v1/staff/moderation/pins/{id}/answers", Rule.MODERATOR);
    RULES.put("GET /personal/dialoger/{id}/fragor", Rule.STAFF);
    for (String exports : List.of(
        "GET /api/v1/exports/{file}", "POST /api/v1/exports/jobs", "GET /api/v1/exports/jobs/{id}",
        "GET /api/v1/exports/jobs/{id}/file")) {
      RULES.put(exports, Rule.GIS);
    }
  }

  private static final Map<String, Set<Rule>> ALLOWED_FOR = Map.of(
      "anonymous", Set.of(Rule.PUBLIC),
      "moderator", Set.of(Rule.PUBLIC, Rule.STAFF, Rule.MODERATOR),
      "planner", Set.of(Rule.PUBLIC, Rule.STAFF, Rule.MODERATOR, Rule.PLANNER, Rule.PLANNER_OR_GIS),
      "gis", Set.of(Rule.PUBLIC, Rule.STAFF, Rule.GIS, Rule.PLANNER_OR_GIS),
      "admin", java.util.EnumSet.complementOf(java.util.EnumSet.of(Rule.API_KEY)));

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  @Test
  void everyEndpointAnswersEachCallerAsIntended() {
    StaffAccounts staff = new StaffAccounts(accountRepository, encoder);
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("anonymous", null);
    for (StaffRole role : StaffRole.values()) {
      callers.put(role.code(), StaffAccounts.basic(staff.create(role)));
    }
    Api api = new Api(port);
    List<String> unclassified = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          String key = (methods.isEmpty() ? "ANY" : method.name()) + " " + simplify(pattern);
          Rule rule = RULES.get(key);
          if (rule == null) {
            unclassified.add(key);
            continue;
          }
          for (Map.Entry<String, String> caller : callers.entrySet()) {
            Api.Response r = call(api, method.name(), concrete(pattern), caller.getValue());
            int status = r.status();
            boolean toSignIn = status == 302 && r.location() != null && r.location().endsWith("/logga-in");
            boolean allowed = ALLOWED_FOR.get(caller.getKey()).contains(rule);
            // Anonymous writes may meet the CSRF check (403) before the sign-in check (401): both refuse.
            boolean refused = caller.getValue() == null ? status == 401 || status == 403 || toSignIn : status == 403;
            if (allowed == (status == 401 || status == 403 || toSignIn) || (!allowed && !refused)) {
              wrong.add(key + " as " + caller.getKey() + " gave " + status + " (rule " + rule + ")");
            }
          }
        }
      }
    }
    assertThat(unclassified).as("endpoints with no access rule in this test").isEmpty();
    assertThat(wrong).as("endpoints answering a caller against their rule").isEmpty();
  }

  @Test
  void staffPagesSendAnonymousVisitorsToSignIn() {
    Api.Response r = new Api(port).get("/personal/");
    assertThat(r.status()).isEqualTo(302);
    assertThat(r.location()).endsWith("/logga-in");
  }

  private static Api.Response call(Api api, String method, String path, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return api.send(b);
  }

  /** {slug:[a-z0-9-]+} becomes {slug}. */
  private static String simplify(String pattern) {
    return pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
  }

  /** Fills path variables with values that name nothing, so an allowed call changes nothing. */
  private static String concrete(String pattern) {
    return simplify(pattern)
        .replace("{lang}", "sv")
        .replace("{slug}", "finns-inte")
        .replace("{token}", "A".repeat(43))
        .replaceAll("\\{\\w+}", "999999999");
  }
}
