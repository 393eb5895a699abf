package dev.bunsui.worker;

import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Runs {@link SearchAttributeRegistrar#ensure} once when the worker's context starts. */
@Component
class SearchAttributesAtStartup {
  SearchAttributesAtStartup(
      WorkflowServiceStubs stubs, @Value("${spring.temporal.namespace:default}") String namespace) {
    SearchAttributeRegistrar.ensure(stubs, namespace);
  }
}
