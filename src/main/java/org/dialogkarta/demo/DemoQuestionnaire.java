package org.dialogkarta.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's map survey: the rural dialogue (service-pa-landsbygden) asks its own questions —
 * how often people take the bus, why never (shown only after "Aldrig"), a 1–5 scale, a ranking
 * of three proposals, a long text and "where would you put a new playground?" on the map — and
 * one question with each service-gap pin. Some answers come with it, placed where the demo's
 * pins are (inside the villages). Plain SQL, written once with the demo (or once into a demo
 * loaded by an earlier version, while the dialogue has no questions).
 */
final class DemoQuestionnaire {

  private DemoQuestionnaire() {}

  static void addIfMissing(JdbcClient jdbc, String slug) {
    Long dialogue = jdbc.sql("""
            SELECT id FROM dialogue d WHERE slug = :slug AND NOT EXISTS (SELECT 1 FROM question q WHERE q.dialogue_id = d.id)""")
        .param("slug", slug).query(Long.class).optional().orElse(null);
    if (dialogue == null) {
      return;
    }
    long often = question(jdbc, dialogue, 0, "single_choice", true, "Hur ofta åker du buss?", "How often do you take the bus?",
        "Tänk på det senaste halvåret.", "Think of the last six months.", null, """
        [{"code": "daily", "sv": "Varje dag", "en": "Every day"},
         {"code": "weekly", "sv": "Någon gång i veckan", "en": "Once or twice a week"},
         {"code": "monthly", "sv": "Någon gång i månaden", "en": "Once or twice a month"},
         {"code": "never", "sv": "Aldrig", "en": "Never"}]""", "[]", null);
    long why = question(jdbc, dialogue, 1, "multiple_choice", false, "Varför åker du aldrig buss?", "Why do you never take the bus?",
        null, null, null, """
        [{"code": "few_departures", "sv": "För få avgångar", "en": "Too few departures"},
         {"code": "too_far", "sv": "För långt till hållplatsen", "en": "Too far to the stop"},
         {"code": "price", "sv": "För dyrt", "en": "Too expensive"},
         {"code": "car", "sv": "Jag har bil", "en": "I have a car"}]""", "[]",
        "{\"question\": " + often + ", \"codes\": [\"never\"]}");
    long service = question(jdbc, dialogue, 2, "scale", true, "Hur nöjd är du med servicen där du bor?",
        "How satisfied are you with the services where you live?", null, null, null, "[]", """
        [{"sv": "Inte alls nöjd", "en": "Not at all satisfied"}, {"sv": "Mycket nöjd", "en": "Very satisfied"}]""", null);
    long rank = question(jdbc, dialogue, 3, "ranking", false, "Rangordna förslagen: vad är viktigast för dig?",
        "Rank the proposals: what matters most to you?", "Överst det viktigaste.", "The most important at the top.", null, """
        [{"code": "bus", "sv": "Fler bussturer på kvällen", "en": "More evening buses"},
         {"code": "shop", "sv": "En lanthandel med post", "en": "A village shop with post"},
         {"code": "broadband", "sv": "Bredband till alla hushåll", "en": "Broadband for every household"}]""", "[]", null);
    long more = question(jdbc, dialogue, 4, "long_text", false, "Vill du berätta något mer?", "Anything else you would like to tell us?",
        null, null, null, "[]", "[]", null);
    long playground = question(jdbc, dialogue, 5, "map_point", false, "Var skulle du vilja ha en ny lekplats?",
        "Where would you like a new playground?", "Välj en plats på kartan.", "Choose a place on the map.", null, "[]", "[]", null);
    long stop = question(jdbc, dialogue, 6, "single_choice", false, "Hur långt har du till närmaste busshållplats?",
        "How far is it to the nearest bus stop?", null, null, "service_gap", """
        [{"code": "under_500", "sv": "Under 500 meter", "en": "Under 500 metres"},
         {"code": "to_2000", "sv": "500 meter – 2 km", "en": "500 metres – 2 km"},
         {"code": "over_2000", "sv": "Mer än 2 km", "en": "More than 2 km"}]""", "[]", null);

    DemoTranslations.addQuestions(jdbc, slug, dialogue);

    // Answers: a fixed seed, so every demo has the same ones.
    Random random = new Random(26);
    String[] oftens = {"daily", "weekly", "weekly", "monthly", "never", "never", "never"};
    String[][] reasons = {{"few_departures"}, {"few_departures", "too_far"}, {"car"}, {"price", "few_departures"}};
    String[] texts = {"Bussen går inte alls på helgerna.", "Det behövs en gång- och cykelväg till skolan.",
        "Lanthandeln är viktig för oss äldre.", "Mer belysning vid hållplatsen, det är mörkt på vintern."};
    List<String> places = jdbc.sql("""
            SELECT ST_AsText(location) FROM pin WHERE dialogue_id = :d ORDER BY id LIMIT 12""")
        .param("d", dialogue).query(String.class).list();
    for (int i = 0; i < 24; i++) {
      long response = jdbc.sql("INSERT INTO questionnaire_response (dialogue_id, created_at) VALUES (:d, now() - make_interval(hours => :h)) RETURNING id")
          .param("d", dialogue).param("h", 3 * i + 1).query(Long.class).single();
      String o = oftens[random.nextInt(oftens.length)];
      answer(jdbc, response, often, "\"" + o + "\"", null);
      if ("never".equals(o)) {
        answer(jdbc, response, why, codes(reasons[random.nextInt(reasons.length)]), null);
      }
      answer(jdbc, response, service, String.valueOf(1 + random.nextInt(5)), null);
      if (random.nextInt(3) > 0) {
        List<String> order = new ArrayList<>(List.of("bus", "shop", "broadband"));
        java.util.Collections.shuffle(order, random);
        answer(jdbc, response, rank, codes(order.toArray(String[]::new)), null);
      }
      if (i % 4 == 0) {
        answer(jdbc, response, more, "\"" + texts[(i / 4) % texts.length] + "\"", null);
      }
      if (!places.isEmpty() && i % 2 == 0) {
        answer(jdbc, response, playground, null, places.get(random.nextInt(places.size())));
      }
    }
    // The service-gap pins answer their category's question.
    String[] distances = {"under_500", "to_2000", "over_2000", "over_2000"};
    List<Long> pins = jdbc.sql("SELECT id FROM pin WHERE dialogue_id = :d AND category = 'service_gap' ORDER BY id LIMIT 20")
        .param("d", dialogue).query(Long.class).list();
    for (long pin : pins) {
      long response = jdbc.sql("""
              INSERT INTO questionnaire_response (dialogue_id, receipt_id, pin_id, created_at)
              SELECT dialogue_id, receipt_id, id, created_at FROM pin WHERE id = :p RETURNING id""")
          .param("p", pin).query(Long.class).single();
      answer(jdbc, response, stop, "\"" + distances[random.nextInt(distances.length)] + "\"", null);
    }
  }

  private static String codes(String... codes) {
    return "[" + String.join(", ", java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"").toList()) + "]";
  }

  private static long question(JdbcClient jdbc, long dialogue, int position, String kind, boolean required, String labelSv,
      String labelEn, String helpSv, String helpEn, String category, String options, String scaleLabels, String condition) {
    long id = jdbc.sql("INSERT INTO question (dialogue_id, position) VALUES (:d, :p) RETURNING id")
        .param("d", dialogue).param("p", position).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO question_version (question_id, version, kind, required, label_sv, label_en, help_sv, help_en,
                category, options, scale_labels, condition)
            VALUES (:q, 1, :kind, :required, :labelSv, :labelEn, :helpSv, :helpEn, :category,
                CAST(:options AS jsonb), CAST(:scale AS jsonb), CAST(:condition AS jsonb))""")
        .param("q", id).param("kind", kind).param("required", required).param("labelSv", labelSv).param("labelEn", labelEn)
        .param("helpSv", helpSv).param("helpEn", helpEn).param("category", category).param("options", options)
        .param("scale", scaleLabels).param("condition", condition)
        .update();
    return id;
  }

  /** An answer to a question's first version; a map answer gives WKT and its value is the GeoJSON. */
  private static void answer(JdbcClient jdbc, long response, long question, String valueJson, String wkt) {
    jdbc.sql("""
            INSERT INTO answer (response_id, question_version_id, value, geom)
            SELECT :r, v.id, coalesce(CAST(:value AS jsonb), ST_AsGeoJSON(ST_GeomFromText(:wkt, 4326), 7)::jsonb),
                   ST_GeomFromText(:wkt, 4326)
            FROM question_version v WHERE v.question_id = :q AND v.version = 1""")
        .param("r", response).param("q", question).param("value", valueJson).param("wkt", wkt)
        .update();
  }
}
