package org.dialogkarta.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's completed dialogue gets what a planner would have prepared for its
 * samrådsredogörelse: how it was announced, views that came by letter, e-mail and remiss, and the
 * views grouped into topics by category with the municipality's position on each. The report page
 * and the report itself then have something to show on a first look; nothing is published, so the
 * planner can publish version 1 themselves.
 */
final class DemoReport {

  private DemoReport() {}

  static void add(JdbcClient jdbc, long dialogueId) {
    jdbc.sql("""
        UPDATE dialogue SET announcement = 'Brev till alla hushåll i Hageby, affischer i centrum och vid'
            || ' busshållplatserna, kommunens webbplats och Facebooksida, samt två öppna träffar i parken.'
        WHERE id = :d""").param("d", dialogueId).update();
    long letter = view(jdbc, dialogueId, "2025-04-02", "letter", "private_person",
        "Jag går genom parken varje kväll med hunden. Det är alldeles för mörkt vid dammen och buskarna"
            + " skymmer sikten. Snälla, sätt upp fler lampor.", 16.1952, 58.5648);
    sender(jdbc, letter, "Gunnel Andersson", "Hagebygatan 12, 603 65 Norrköping", null, null);
    long email = view(jdbc, dialogueId, "2025-05-20", "email", "association",
        "Hageby bouleklubb önskar en boulebana med belysning nära lekplatsen, och bänkar i skugga.", null, null);
    sender(jdbc, email, "Kjell Berg", null, "bouleklubben@example.se", "Hageby bouleklubb");
    long remiss = view(jdbc, dialogueId, "2025-06-10", "remiss", "authority",
        "Länsstyrelsen har inga invändningar. Dagvattnet från de nya hårdgjorda ytorna behöver"
            + " utredas innan ombyggnaden.", null, null);
    sender(jdbc, remiss, null, null, null, "Länsstyrelsen Östergötland");
    long late = view(jdbc, dialogueId, "2025-07-01", "letter", "private_person",
        "Gör om parkeringen vid centrum till en parkeringsfri torgyta.", 16.2003, 58.5662);
    sender(jdbc, late, "Per Nilsson", "Hagebyvägen 3, 603 65 Norrköping", null, null);

    long safety = topic(jdbc, dialogueId, "Trygghet och belysning", "accommodated",
        "Belysningen i parken byts mot LED och buskagen vid gångvägarna gallras.", null);
    group(jdbc, safety, dialogueId, "safety_concern");
    incoming(jdbc, safety, letter);
    long meeting = topic(jdbc, dialogueId, "Mötesplatser, bänkar och lek", "partly_accommodated",
        "Nya bänkar och en mötesplats vid lekplatsen byggs 2027. En boulebana ryms inte i den här etappen.",
        null);
    group(jdbc, meeting, dialogueId, "suggestion");
    incoming(jdbc, meeting, email);
    long service = topic(jdbc, dialogueId, "Service i centrum", "outside_scope",
        "Butiker och öppettider beslutas inte i planen; synpunkterna har lämnats till fastighetsägaren.", null);
    group(jdbc, service, dialogueId, "service_gap");
    long green = topic(jdbc, dialogueId, "Värdefulla platser", "accommodated",
        "Dammen, de gamla ekarna och ängen sparas och skyddas i planen.", null);
    group(jdbc, green, dialogueId, "valued_place");
    long parking = topic(jdbc, dialogueId, "Parkering och trafik", "not_accommodated", null,
        "Parkeringen behövs för centrumets butiker och vårdcentralen; en torgyta prövas i nästa etapp.");
    incoming(jdbc, parking, late);
    long water = topic(jdbc, dialogueId, "Dagvatten", "accommodated",
        "En dagvattenutredning görs och ingår i underlaget till granskningen.", null);
    incoming(jdbc, water, remiss);
  }

  private static long view(JdbcClient jdbc, long dialogueId, String day, String channel, String senderType,
      String text, Double lon, Double lat) {
    return jdbc.sql("""
            INSERT INTO incoming_view (dialogue_id, received_on, channel, sender_type, text, location,
                                       registered_by, changed_by, created_at, changed_at)
            VALUES (:d, CAST(:day AS date), :channel, :senderType, :text,
                    CASE WHEN CAST(:lon AS float8) IS NULL THEN NULL
                         ELSE ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) END,
                    'demo', 'demo', CAST(:day AS date), CAST(:day AS date)) RETURNING id""")
        .param("d", dialogueId).param("day", day).param("channel", channel).param("senderType", senderType)
        .param("text", text).param("lon", lon, java.sql.Types.DOUBLE).param("lat", lat, java.sql.Types.DOUBLE)
        .query(Long.class).single();
  }

  private static void sender(JdbcClient jdbc, long viewId, String name, String address, String email,
      String organisation) {
    jdbc.sql("""
            INSERT INTO incoming_view_sender (view_id, name, postal_address, email, organisation)
            VALUES (:id, :name, :address, :email, :organisation)""")
        .param("id", viewId).param("name", name).param("address", address).param("email", email)
        .param("organisation", organisation).update();
  }

  private static long topic(JdbcClient jdbc, long dialogueId, String title, String effect, String answer,
      String reason) {
    return jdbc.sql("""
            INSERT INTO report_topic (dialogue_id, title, effect, answer, reason, created_by, changed_by)
            VALUES (:d, :title, :effect, :answer, :reason, 'demo', 'demo') RETURNING id""")
        .param("d", dialogueId).param("title", title).param("effect", effect).param("answer", answer)
        .param("reason", reason).query(Long.class).single();
  }

  /** The dialogue's published and hidden pins of a category, under the topic. */
  private static void group(JdbcClient jdbc, long topicId, long dialogueId, String category) {
    jdbc.sql("""
            INSERT INTO report_topic_view (topic_id, pin_id)
            SELECT :topic, id FROM pin WHERE dialogue_id = :d AND category = :category
              AND moderation_state <> 'pending' AND merged_into IS NULL""")
        .param("topic", topicId).param("d", dialogueId).param("category", category).update();
  }

  private static void incoming(JdbcClient jdbc, long topicId, long viewId) {
    jdbc.sql("INSERT INTO report_topic_view (topic_id, incoming_view_id) VALUES (:topic, :id)")
        .param("topic", topicId).param("id", viewId).update();
  }
}
