package org.dialogkarta.follow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.dialogkarta.mail.Mail;
import org.dialogkarta.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the notices that the database writes beside each change to a followed pin
 * ({@code follow_notice}, V33: a statement trigger on {@code pin_event} and a commit-time trigger on
 * {@code report_version}, one row per receipt and transaction) into one message each, queued
 * through {@link Outbox}, and deletes them in the same transaction: a notice becomes exactly one
 * message. Rows are locked (waiting, not skipping), so a second run, on this node or another,
 * finds them gone.
 */
@Component
public class FollowNotices {

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final FollowMails mails;
  private final FollowLinks links;

  FollowNotices(JdbcClient jdbc, Outbox outbox, FollowMails mails, FollowLinks links) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.mails = mails;
    this.links = links;
  }

  private record Notice(long id, long subscriptionId, Long[] events, Long[] reports) {}

  private record Event(long pinId, String category, String text, String dialogue, String slug, String kind,
      String from, String to, String detail, String reply) {}

  /** Every few seconds on one node of the cluster. */
  @Scheduled(fixedDelayString = "${dialogkarta.follow.notice-delay-ms:15000}", initialDelay = 20_000)
  @SchedulerLock(name = "follow-notices", lockAtMostFor = "PT5M")
  @Transactional
  public void run() {
    write();
  }

  /** Writes a message for every waiting notice; returns how many. */
  @Transactional
  public int sendWaiting() {
    return write();
  }

  private int write() {
    List<Notice> notices = jdbc.sql("""
            SELECT id, subscription_id, event_ids, report_version_ids FROM follow_notice
            ORDER BY id LIMIT 500 FOR UPDATE""")
        .query((rs, i) -> new Notice(rs.getLong(1), rs.getLong(2), (Long[]) rs.getArray(3).getArray(),
            (Long[]) rs.getArray(4).getArray()))
        .list();
    int sent = 0;
    for (Notice n : notices) {
      Subscription s = jdbc.sql("SELECT " + Subscription.COLUMNS
              + " FROM follow_subscription s WHERE s.id = :id AND s.confirmed_at IS NOT NULL")
          .param("id", n.subscriptionId()).query(Subscription::read).optional().orElse(null);
      if (s != null && write(s, n)) {
        sent++;
      }
      jdbc.sql("DELETE FROM follow_notice WHERE id = :id").param("id", n.id()).update();
    }
    return sent;
  }

  private boolean write(Subscription s, Notice n) {
    String lang = s.language();
    List<Event> events = jdbc.sql("""
            SELECT e.pin_id, p.category, p.text, d.title, d.slug, e.kind, e.from_value, e.to_value, e.detail,
                   r.text AS reply
            FROM pin_event e JOIN pin p ON p.id = e.pin_id JOIN dialogue d ON d.id = p.dialogue_id
            LEFT JOIN reply r ON e.kind = 'reply' AND CAST(r.id AS text) = e.to_value
            WHERE e.id = ANY (:ids) AND e.public ORDER BY e.pin_id, e.id""")
        .param("ids", n.events())
        .query((rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
        .list();
    Map<Long, List<Event>> byPin = new LinkedHashMap<>();
    events.forEach(e -> byPin.computeIfAbsent(e.pinId(), k -> new ArrayList<>()).add(e));
    List<String[]> reports = jdbc.sql("""
            SELECT d.title, d.slug, v.number FROM report_version v JOIN dialogue d ON d.id = v.dialogue_id
            WHERE v.id = ANY (:ids) ORDER BY v.id""")
        .param("ids", n.reports())
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    if (byPin.isEmpty() && reports.isEmpty()) {
      return false;
    }
    MailBody body = new MailBody().para(FollowMails.t(lang, "follow.mail.hello"))
        .para(FollowMails.t(lang, "follow.mail.update.intro"));
    for (List<Event> pinEvents : byPin.values()) {
      Event first = pinEvents.getFirst();
      body.heading(FollowMails.t(lang, "category." + first.category()) + " – " + first.dialogue());
      if (first.text() != null) {
        body.quote(excerpt(first.text()));
      }
      for (Event e : pinEvents) {
        line(body, lang, e);
      }
      body.link(FollowMails.t(lang, "follow.mail.openDialogue"), links.dialogue(s.siteUrl(), first.slug()));
    }
    for (String[] r : reports) {
      body.para(FollowMails.t(lang, "follow.mail.update.report", Map.of("dialogue", r[0], "number", r[2])));
      body.link(FollowMails.t(lang, "follow.mail.openDialogue"), links.dialogue(s.siteUrl(), r[1]));
    }
    body.para(FollowMails.t(lang, "follow.mail.update.receipt"));
    mails.footer(body, s);
    String subject = FollowMails.t(lang, "follow.mail.update.subject", Map.of("count", byPin.size() + reports.size()));
    outbox.enqueue(new Mail("follow_update", s.address(), lang, subject, body.text(), body.html(), mails.unsubscribeUrl(s)));
    return true;
  }

  private static void line(MailBody body, String lang, Event e) {
    switch (e.kind()) {
      case "status" -> body.item(FollowMails.t(lang, "follow.mail.event.status",
          Map.of("status", FollowMails.t(lang, "pinStatus." + e.to()))));
      case "moderation" -> {
        if ("hidden".equals(e.to())) {
          body.item(FollowMails.t(lang, "follow.mail.event.hidden"));
          if (e.detail() != null && !e.detail().isBlank()) {
            body.quote(FollowMails.t(lang, "follow.mail.event.reason") + " " + e.detail());
          }
        } else if ("published".equals(e.to())) {
          body.item(FollowMails.t(lang, "follow.mail.event.published"));
        }
      }
      case "reply" -> {
        body.item(FollowMails.t(lang, "follow.mail.event.reply"));
        if (e.reply() != null) {
          body.quote(e.reply());
        }
      }
      case "merged_into" -> body.item(FollowMails.t(lang, "follow.mail.event.merged"));
      case "redaction" -> body.item(FollowMails.t(lang, "follow.mail.event.redacted"));
      default -> { }
    }
  }

  static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 160 ? flat.substring(0, 159) + "…" : flat;
  }
}
