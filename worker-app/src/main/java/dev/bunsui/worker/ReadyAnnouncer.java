package dev.bunsui.worker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints one line when the worker polls, which the CLI waits for before starting a run. */
@Component
class ReadyAnnouncer {
  private final String target;

  ReadyAnnouncer(@Value("${spring.temporal.connection.target}") String target) {
    this.target = target;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    System.out.println("BUNSUI_WORKER_READY " + target);
  }
}
