package org.dialogkarta.web;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the service is, once it is ready to answer. */
@Component
class StartupBanner {

  @EventListener
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      System.out.println();
      System.out.println("Dialogkarta is running at http://localhost:" + web.getWebServer().getPort() + "/");
      System.out.println();
    }
  }
}
