package org.dialogkarta.follow;

import java.util.Map;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.mail.Mail;
import org.dialogkarta.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages that ask for and answer a subscription: the confirmation (double opt-in) and the
 * receipt link sent again. In the subscriber's language, plain text and HTML, queued through
 * {@link Outbox#enqueue} in the caller's transaction.
 */
@Component
class FollowMails {

  private final Outbox outbox;
  private final FollowLinks links;
  private final FollowTokens tokens;
  private final JdbcClient jdbc;

  FollowMails(Outbox outbox, FollowLinks links, FollowTokens tokens, JdbcClient jdbc) {
    this.outbox = outbox;
    this.links = links;
    this.tokens = tokens;
    this.jdbc = jdbc;
  }

  static String t(String lang, String key, Map<String, ?> vars) {
    return Messages.text(lang, key, vars);
  }

  static String t(String lang, String key) {
    return Messages.text(lang, key, Map.of());
  }

  void confirmation(Subscription s, String token) {
    String lang = s.language();
    MailBody body = new MailBody()
        .para(t(lang, "follow.mail.hello"))
        .para(t(lang, "follow.mail.confirm.asked", Map.of("what", what(s))))
        .link(t(lang, "follow.mail.confirm.link"), links.confirm(s.siteUrl(), token))
        .para(t(lang, "follow.mail.confirm.expires"))
        .footer(t(lang, "follow.mail.confirm.notYou"), null, null);
    outbox.enqueue(new Mail("follow_confirm", s.address(), lang, t(lang, "follow.mail.confirm.subject"),
        body.text(), body.html(), null));
  }

  void receiptLink(String address, String lang, String siteUrl, String receiptToken) {
    MailBody body = new MailBody()
        .para(t(lang, "follow.mail.hello"))
        .para(t(lang, "follow.mail.receiptLink.text"))
        .link(t(lang, "follow.mail.receiptLink.link"), links.receipt(siteUrl, receiptToken))
        .para(t(lang, "follow.mail.receiptLink.keep"))
        .footer(t(lang, "follow.mail.confirm.notYou"), null, null);
    outbox.enqueue(new Mail("receipt_link", address, lang, t(lang, "follow.mail.receiptLink.subject"),
        body.text(), body.html(), null));
  }

  /** The footer of every message of a subscription: why it came, and one click to stop it. */
  MailBody footer(MailBody body, Subscription s) {
    return body.footer(t(s.language(), "follow.mail.footer", Map.of("what", what(s))),
        t(s.language(), "follow.mail.unsubscribe"), unsubscribeUrl(s));
  }

  String unsubscribeUrl(Subscription s) {
    return links.unsubscribe(s.siteUrl(), tokens.unsubscribe(s.id()));
  }

  /** What a subscription follows, in a few words of its language. */
  String what(Subscription s) {
    String lang = s.language();
    return switch (s.kind()) {
      case "receipt" -> t(lang, "follow.what.receipt");
      case "dialogue" -> t(lang, "follow.what.dialogue." + s.frequency(), Map.of("name", dialogueTitle(s.dialogueId())));
      case "neighbourhood" -> t(lang, "follow.what.neighbourhood." + s.frequency(),
          Map.of("name", jdbc.sql("SELECT name FROM neighbourhood WHERE id = :id").param("id", s.neighbourhoodId())
              .query(String.class).single()));
      default -> t(lang, "follow.what.area." + s.frequency());
    };
  }

  private String dialogueTitle(long id) {
    return jdbc.sql("SELECT title FROM dialogue WHERE id = :id").param("id", id).query(String.class).single();
  }
}
