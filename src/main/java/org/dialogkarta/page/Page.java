package org.dialogkarta.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One page of the site: its template (web/pages/{name}.html, which holds only its {@code <main>}),
 * the shell the layout draws around it, the message key of its title, the libraries and style
 * sheets it uses, and its one module script (web/js/{module}.js).
 */
public record Page(String name, Shell shell, String titleKey, Set<Library> libraries,
    List<String> styles, String module) {

  /** What the layout draws around the page: header, footer, body class. */
  public enum Shell { PUBLIC, RECEIPT, LOGIN, STAFF, WALK;

    /** The name the layout compares with: 'public', 'staff', ... */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The libraries from webjars; their versions are written only in pom.xml. */
  public enum Library {
    MAP(List.of("/webjars/leaflet/dist/leaflet.css"), List.of("/webjars/leaflet/dist/leaflet.js")),
    CLUSTERS(List.of("/webjars/leaflet-markercluster/MarkerCluster.css",
        "/webjars/leaflet-markercluster/MarkerCluster.Default.css"),
        List.of("/webjars/leaflet-markercluster/leaflet.markercluster.js")),
    CHARTS(List.of(), List.of("/webjars/chart.js/dist/chart.umd.js"));

    private final List<String> stylesheets;
    private final List<String> scripts;

    Library(List<String> stylesheets, List<String> scripts) {
      this.stylesheets = stylesheets;
      this.scripts = scripts;
    }
  }

  /** The libraries' style sheets, which come before the site's so that ours win. */
  public List<String> libraryStylesheets() {
    List<String> out = new ArrayList<>();
    for (Library library : Library.values()) {
      if (libraries.contains(library)) {
        out.addAll(library.stylesheets);
      }
    }
    return out;
  }

  /** The page's own style sheets, after the layout's. */
  public List<String> stylesheets() {
    return styles.stream().map(style -> "/css/" + style + ".css").toList();
  }

  /** The libraries' scripts, in an order where each comes after what it needs. */
  public List<String> libraryScripts() {
    List<String> out = new ArrayList<>();
    for (Library library : Library.values()) {
      if (libraries.contains(library)) {
        out.addAll(library.scripts);
      }
    }
    return out;
  }

  public String moduleScript() {
    return "/js/" + module + ".js";
  }

  public String shellCode() {
    return shell.code();
  }
}
