package org.dialogkarta.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * axe-core in the page under test: the script comes from the project's node_modules (npm
 * devDependency, installed by {@code make test}'s npm ci), never from a CDN. {@link #check} runs
 * the WCAG 2.1 A and AA rules on the whole page and fails with every violation, its rule, its
 * impact and the elements at fault. The page's context must bypass the pages' CSP
 * ({@code setBypassCSP(true)}), which refuses the added script element.
 */
public final class Axe {

  public static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Axe() {}

  /** The violations of the WCAG 2.1 A/AA rules on the page as it is now. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> violations(Page page) {
    if (!Files.isRegularFile(SCRIPT)) {
      throw new IllegalStateException(SCRIPT.toAbsolutePath() + " is missing: run npm ci (make test does)");
    }
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
      page.addScriptTag(new Page.AddScriptTagOptions().setPath(SCRIPT));
    }
    Object result = page.evaluate("""
        async (tags) => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n').slice(0, 3).join(' ')) }));
        }""", TAGS);
    return (List<Map<String, Object>>) result;
  }

  /** Fails when the page breaks a WCAG 2.1 A/AA rule that axe checks. */
  public static void check(Page page, String what) {
    List<Map<String, Object>> violations = violations(page);
    StringBuilder report = new StringBuilder();
    for (Map<String, Object> v : violations) {
      report.append("\n  ").append(v.get("id")).append(" (").append(v.get("impact")).append("): ")
          .append(v.get("help"));
      for (Object node : (List<?>) v.get("nodes")) {
        report.append("\n    ").append(node);
      }
    }
    assertThat(violations).as(what + ": axe violations" + report).isEmpty();
  }
}
