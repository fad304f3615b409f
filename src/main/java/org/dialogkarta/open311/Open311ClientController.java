package org.dialogkarta.open311;

import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create Open311 clients (the key shown once), list them and revoke them. */
@RestController
class Open311ClientController {

  record NewClient(String name, Integer postsPerHour) {}

  private final Open311Clients clients;
  private final AuditLog audit;

  Open311ClientController(Open311Clients clients, AuditLog audit) {
    this.clients = clients;
    this.audit = audit;
  }

  @GetMapping("/api/v1/staff/open311/clients")
  List<Open311Clients.Client> list() {
    return clients.list();
  }

  @PostMapping("/api/v1/staff/open311/clients")
  @ResponseStatus(HttpStatus.CREATED)
  @org.springframework.transaction.annotation.Transactional
  Open311Clients.Created create(@RequestBody NewClient body) {
    Open311Clients.Created created = clients.create(body.name(), body.postsPerHour());
    audit.record("open311.client_create", "open311_client", created.client().id(), null, created.client());
    return created;
  }

  @PostMapping("/api/v1/staff/open311/clients/{id}/revoke")
  @org.springframework.transaction.annotation.Transactional
  Open311Clients.Client revoke(@PathVariable long id) {
    Open311Clients.Client before = clients.get(id);
    Open311Clients.Client after = clients.revoke(id);
    audit.record("open311.client_revoke", "open311_client", id, before, after);
    return after;
  }
}
