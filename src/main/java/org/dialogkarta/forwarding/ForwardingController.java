package org.dialogkarta.forwarding;

import java.util.List;
import org.dialogkarta.moderation.PinWorkflow;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planners forward pins and follow each forwarding: to whom it went, when, the state of its link,
 * the bodies' answers; they revoke or send again, and approve or reject the bodies' replies.
 * PLANNER by path ({@code /api/v1/staff/forwardings/**}, {@code /api/v1/staff/pins/**}).
 */
@RestController
class ForwardingController {

  record ForwardRequest(List<Long> pinIds, Long departmentId) {}

  record Forwarded(List<Forwardings.Forwarding> forwardings) {}

  record PinForwardings(List<Forwardings.Forwarding> forwardings, List<BodyAnswers.Answer> answers) {}

  record ApproveRequest(String text) {}

  private final PinWorkflow workflow;
  private final Forwardings forwardings;
  private final Answers answers;

  ForwardingController(PinWorkflow workflow, Forwardings forwardings, Answers answers) {
    this.workflow = workflow;
    this.forwardings = forwardings;
    this.answers = answers;
  }

  /** Forwards one or many pins to a department: one message per forwarding, in this transaction. */
  @PostMapping("/api/v1/staff/forwardings")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Forwarded forward(@RequestBody ForwardRequest body) {
    workflow.forward(body.pinIds(), body.departmentId());
    return new Forwarded(forwardings.createCollected().stream().map(forwardings::find).toList());
  }

  @GetMapping("/api/v1/staff/pins/{id}/forwardings")
  @Transactional(readOnly = true)
  PinForwardings ofPin(@PathVariable long id) {
    return new PinForwardings(forwardings.ofPin(id), answers.ofPin(id));
  }

  @PostMapping("/api/v1/staff/forwardings/{id}/revoke")
  Forwardings.Forwarding revoke(@PathVariable long id) {
    return forwardings.revoke(id);
  }

  @PostMapping("/api/v1/staff/forwardings/{id}/resend")
  Forwardings.Forwarding resend(@PathVariable long id) {
    return forwardings.resend(id);
  }

  @PostMapping("/api/v1/staff/forwardings/answers/{id}/approve")
  BodyAnswers.Answer approve(@PathVariable long id, @RequestBody(required = false) ApproveRequest body) {
    return answers.approve(id, body == null ? null : body.text());
  }

  @PostMapping("/api/v1/staff/forwardings/answers/{id}/reject")
  BodyAnswers.Answer reject(@PathVariable long id) {
    return answers.reject(id);
  }
}
