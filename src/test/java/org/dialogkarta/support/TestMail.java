package org.dialogkarta.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real SMTP server (GreenMail) in the test JVM, and the app's mail settings pointed at it.
 *
 * <p>How to use it: annotate the test class with {@link WithSmtp} instead of {@code @IntegrationTest}
 * (all such classes share one cached Spring context and one server), make a unique recipient per
 * test ({@link #address}), let the code under test call {@code Outbox.enqueue}, and read what arrived:
 * <pre>{@code
 * @TestMail.WithSmtp
 * class ConfirmationMailTest {
 *   @Test void sendsTheLink() {
 *     String to = TestMail.address("confirm");
 *     ... // the request that enqueues the message to `to`
 *     MimeMessage m = TestMail.server().awaitOne(to);
 *     assertThat(TestMail.text(m)).contains("https://");
 *   }
 * }
 * }</pre>
 * The worker polls every 200 ms under this annotation and retries after a second, so a message
 * arrives within a second or two. Other tests' queued rows may be sent to the same server too:
 * always read by recipient ({@link #received(String)}), never all messages. {@link #refuse} makes
 * the server answer 550 to an address ({@code RCPT TO}), {@link #stop}/{@link #start} take it away
 * and back on the same port. Tests that do not use the annotation have no SMTP host: their outbox
 * only queues, as under {@code make run}.
 */
public final class TestMail {

  private static TestMail instance;

  private final int port;
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private GreenMail greenMail;

  private TestMail(int port) {
    this.port = port;
  }

  /** The one server of this JVM, started on first use. */
  public static synchronized TestMail server() {
    if (instance == null) {
      instance = new TestMail(freePort());
      instance.start();
    }
    return instance;
  }

  /** A fresh recipient address in a test domain; {@code label} helps reading failures. */
  public static String address(String label) {
    return label + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.test";
  }

  public int port() {
    return port;
  }

  public synchronized void start() {
    if (greenMail != null && greenMail.isRunning()) {
      return;
    }
    greenMail = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), refused);
    greenMail.start();
  }

  /** Takes the server away: connections are refused until {@link #start}; what arrived is forgotten. */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  /** Makes the server answer {@code 550} to {@code RCPT TO:<address>} from now on. */
  public void refuse(String address) {
    refused.add(address.toLowerCase(Locale.ROOT));
  }

  /** The messages that arrived for {@code address} so far. */
  public synchronized List<MimeMessage> received(String address) {
    if (greenMail == null || !greenMail.isRunning()) {
      return List.of();
    }
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> isFor(m, address)).toList();
  }

  /** Waits until at least {@code count} messages arrived for {@code address} (10 s at most) and returns them all. */
  public List<MimeMessage> await(String address, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<MimeMessage> got = received(address);
    while (got.size() < count && System.nanoTime() < deadline) {
      sleep(50);
      got = received(address);
    }
    if (got.size() < count) {
      throw new AssertionError("Expected " + count + " message(s) to " + address + ", got " + got.size());
    }
    return got;
  }

  /** Waits for exactly one message to {@code address} and returns it. */
  public MimeMessage awaitOne(String address) {
    List<MimeMessage> got = await(address, 1);
    if (got.size() != 1) {
      throw new AssertionError("Expected one message to " + address + ", got " + got.size());
    }
    return got.getFirst();
  }

  /** The message's text/plain part (the whole body when it is not multipart), with SMTP's CRLF read as \n. */
  public static String text(MimeMessage m) {
    return part(m, "text/plain");
  }

  /** The message's text/html part, or null; CRLF read as \n. */
  public static String html(MimeMessage m) {
    return part(m, "text/html");
  }

  private static String part(MimeMessage m, String type) {
    try {
      Object content = m.getContent();
      if (content instanceof jakarta.mail.Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          if (mp.getBodyPart(i).isMimeType(type)) {
            return lines((String) mp.getBodyPart(i).getContent());
          }
        }
        return null;
      }
      return m.isMimeType(type) ? lines((String) content) : null;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lines(String text) {
    return text.replace("\r\n", "\n");
  }

  private static boolean isFor(MimeMessage m, String address) {
    try {
      Address[] to = m.getAllRecipients();
      return to != null && Arrays.stream(to)
          .anyMatch(a -> a instanceof InternetAddress ia && ia.getAddress().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Points {@code dialogkarta.mail.*} at the server, with quick polling and retries. */
  public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestMail mail = server();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail", Map.of(
          "dialogkarta.mail.smtp.host", "127.0.0.1",
          "dialogkarta.mail.smtp.port", Integer.toString(mail.port()),
          "dialogkarta.mail.smtp.from", "Dialogkarta <dialogkarta@kommun.example>",
          "dialogkarta.mail.smtp.starttls", "false",
          "dialogkarta.mail.smtp.username", "",
          "dialogkarta.mail.poll-interval", "PT0.2S",
          "dialogkarta.mail.backoff-base", "PT1S",
          "dialogkarta.mail.backoff-max", "PT2S")));
    }
  }

  /** {@code @IntegrationTest} with the app's SMTP settings pointed at {@link #server()}. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @IntegrationTest
  @ContextConfiguration(initializers = Initializer.class)
  public @interface WithSmtp {}

  /** GreenMail whose SMTP side answers 550 to the refused addresses. */
  private static final class RefusingGreenMail extends GreenMail {
    RefusingGreenMail(ServerSetup setup, Set<String> refused) {
      super(new ServerSetup[] {setup});
      managers = new Managers() {
        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
          @Override
          public String checkRecipient(SmtpState state, MailAddress rcpt) {
            return refused.contains(rcpt.getEmail().toLowerCase(Locale.ROOT))
                ? "550 5.1.1 <" + rcpt.getEmail() + ">: mailbox unavailable" : null;
          }
        };

        @Override
        public SmtpManager getSmtpManager() {
          return smtp;
        }
      };
    }
  }
}
