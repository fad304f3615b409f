package org.dialogkarta.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends one outbox message over SMTP with Spring's {@link JavaMailSenderImpl} (Angus Mail), built
 * from {@link MailSettings.Smtp}: multipart/alternative with the text and the HTML body in UTF-8,
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} (RFC 8058) for a subscription. It
 * tells a permanent refusal of the recipient (a 5xx answer to {@code RCPT TO}) apart from every
 * other failure, which is worth trying again.
 */
@Component
public class SmtpMailer {

  private final MailSettings.Smtp smtp;
  private final JavaMailSenderImpl sender;

  public SmtpMailer(MailSettings settings) {
    this.smtp = settings.smtp();
    this.sender = smtp.configured() ? build(smtp) : null;
  }

  /** Whether a mail server is configured; without one nothing is sent and the outbox only queues. */
  public boolean configured() {
    return sender != null;
  }

  /** What became of one attempt. */
  public sealed interface Outcome {
    record Sent() implements Outcome {}

    /**
     * The server (or the way to it) failed; the same message may go through later.
     *
     * @param unreachable no connection to the server at all: the batch's other messages would fail alike
     */
    record Failed(String error, boolean unreachable) implements Outcome {}

    /** The recipient's server refused the address for good. */
    record Refused(String error) implements Outcome {}
  }

  public Outcome send(OutboxMessage message) {
    if (sender == null) {
      throw new IllegalStateException("No SMTP host is configured");
    }
    try {
      sender.send(mime(message));
      return new Outcome.Sent();
    } catch (MessagingException e) {
      return classify(e, message.to());
    } catch (MailException e) {
      return classify(e, message.to());
    }
  }

  private MimeMessage mime(OutboxMessage message) throws MessagingException {
    MimeMessage mime = sender.createMimeMessage();
    mime.setFrom(new InternetAddress(smtp.from(), true));
    mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.to(), true));
    mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
    mime.setHeader("Auto-Submitted", "auto-generated");
    mime.setHeader("Content-Language", message.language());
    if (message.unsubscribeUrl() != null) {
      mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
      mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    if (message.html() == null) {
      mime.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
      // the richest part last (RFC 2046 5.1.4)
      mime.setContent(new MimeMultipart("alternative", text, html));
    }
    mime.saveChanges();
    return mime;
  }

  /**
   * A refusal of the recipient is permanent when the server answered 5xx to it: Angus Mail then
   * lists the address among the {@link SendFailedException#getInvalidAddresses() invalid} ones (a
   * 4xx answer lists it among the valid unsent ones).
   */
  static Outcome classify(Exception failure, String recipient) {
    List<Throwable> causes = new ArrayList<>();
    collect(failure, causes);
    for (Throwable t : causes) {
      if (t instanceof SendFailedException refused && lists(refused.getInvalidAddresses(), recipient)) {
        // the innermost cause is the server's own answer to RCPT TO ("550 5.1.1 …")
        return new Outcome.Refused(describe(causes.getLast()));
      }
    }
    boolean unreachable = causes.stream().anyMatch(t -> t instanceof java.net.ConnectException
        || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException
        || t instanceof java.net.SocketTimeoutException);
    return new Outcome.Failed(describe(causes.getLast()), unreachable);
  }

  private static void collect(Throwable t, List<Throwable> into) {
    while (t != null && !into.contains(t)) {
      into.add(t);
      if (t instanceof MailSendException send) {
        for (Exception e : send.getMessageExceptions()) {
          collect(e, into);
        }
      }
      Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
      t = next;
    }
  }

  private static boolean lists(Address[] addresses, String recipient) {
    if (addresses == null) {
      return false;
    }
    for (Address a : addresses) {
      if (a instanceof InternetAddress ia && ia.getAddress() != null
          && ia.getAddress().equalsIgnoreCase(recipient.strip())) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    String text = t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).strip();
    text = text.replaceAll("[\\r\\n\\t]+", " ");
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  /** The bare address of a From such as {@code Dialogkarta <noreply@kommun.se>}. */
  private static String envelopeSender(String from) {
    try {
      return new InternetAddress(from.strip(), true).getAddress();
    } catch (jakarta.mail.internet.AddressException e) {
      throw new IllegalArgumentException("DIALOGKARTA_SMTP_FROM is not an e-mail address: " + from, e);
    }
  }

  private static JavaMailSenderImpl build(MailSettings.Smtp smtp) {
    JavaMailSenderImpl s = new JavaMailSenderImpl();
    s.setHost(smtp.host().strip());
    s.setPort(smtp.port());
    s.setDefaultEncoding(StandardCharsets.UTF_8.name());
    Properties p = new Properties();
    boolean auth = smtp.username() != null && !smtp.username().isBlank();
    if (auth) {
      s.setUsername(smtp.username());
      s.setPassword(smtp.password());
    }
    p.setProperty("mail.smtp.auth", Boolean.toString(auth));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
    p.setProperty("mail.smtp.connectiontimeout", "10000");
    p.setProperty("mail.smtp.timeout", "30000");
    p.setProperty("mail.smtp.writetimeout", "30000");
    // the envelope sender is the From address, so bounces come back to it
    p.setProperty("mail.smtp.from", envelopeSender(smtp.from()));
    p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name().toLowerCase(Locale.ROOT));
    s.setJavaMailProperties(p);
    return s;
  }
}
