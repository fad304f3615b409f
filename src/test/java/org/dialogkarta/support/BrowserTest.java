package org.dialogkarta.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end tests in Debian's headless Chromium (never a downloaded browser), driven by
 * Playwright, against the whole service on a random port. Each test gets a fresh browser context;
 * errors the page logs to the console fail the test.
 */
@IntegrationTest
@Tag("browser")
public abstract class BrowserTest {

  private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  protected BrowserContext context;
  protected Page page;
  protected final List<String> consoleErrors = new ArrayList<>();

  /**
   * How long an assertion and an action wait for the page. Generous, because a loaded machine (two
   * cores, the whole suite) can take seconds for what is instant on a quiet one; a failure still
   * fails, only later.
   */
  private static final int ASSERT_MS = 15_000;
  private static final int ACTION_MS = 30_000;

  @BeforeAll
  static void launch() {
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(ASSERT_MS);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(Path.of(CHROMIUM))
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void openContext() {
    context = browser.newContext(contextOptions());
    context.setDefaultTimeout(ACTION_MS);
    page = context.newPage();
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        consoleErrors.add(m.text());
      }
    });
    page.onPageError(e -> consoleErrors.add(e));
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  /** Desktop by default, Swedish; subclasses or tests may ask for a phone. */
  protected Browser.NewContextOptions contextOptions() {
    return new Browser.NewContextOptions().setLocale("sv-SE").setViewportSize(1280, 800);
  }

  protected BrowserContext newPhoneContext() {
    return browser.newContext(new Browser.NewContextOptions().setLocale("sv-SE")
        .setViewportSize(360, 740).setHasTouch(true).setIsMobile(true).setDeviceScaleFactor(2));
  }

  /** Waits (up to 15 s) for something the page does in the background to reach the database. */
  protected static void eventually(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }
}
