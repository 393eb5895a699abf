package dev.bunsui.worker;

import dev.bunsui.book.BookSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the server knows {@link BookSearchAttributes#ALL} (Keyword) and {@link
 * BookSearchAttributes#KEYWORD_LISTS} (KeywordList) before the worker polls: the book and pipeline
 * workflows upsert them, and a server without them fails those workflow tasks. Missing attributes
 * are added through the operator service (the dev server and the embedded server allow it); when
 * that is refused, the worker logs the exact {@code temporal operator search-attribute create}
 * command an operator must run and goes on.
 */
final class SearchAttributeRegistrar {
  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private SearchAttributeRegistrar() {}

  /**
   * Registers the missing attributes in {@code namespace}.
   *
   * @param stubs connection to the server's frontend
   * @param namespace the worker's namespace
   * @return the names that were added (empty when all were there)
   */
  static Set<String> ensure(WorkflowServiceStubs stubs, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Set<String> present = Set.of();
      try {
        present =
            operator
                .blockingStub()
                .listSearchAttributes(
                    ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
                .getCustomAttributesMap()
                .keySet();
      } catch (StatusRuntimeException e) {
        LOG.debug("cannot list search attributes ({}); adding them all", e.getStatus());
      }
      Map<String, IndexedValueType> missing = new LinkedHashMap<>();
      for (var key : BookSearchAttributes.ALL) {
        if (!present.contains(key.getName())) {
          missing.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        }
      }
      for (var key : BookSearchAttributes.KEYWORD_LISTS) {
        if (!present.contains(key.getName())) {
          missing.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST);
        }
      }
      if (missing.isEmpty()) {
        return Set.of();
      }
      try {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putAllSearchAttributes(missing)
                    .build());
        LOG.info("registered search attributes {} in namespace {}", missing.keySet(), namespace);
      } catch (StatusRuntimeException e) {
        StringBuilder cmd = new StringBuilder("temporal operator search-attribute create");
        missing.forEach(
            (n, type) ->
                cmd.append(" --name ")
                    .append(n)
                    .append(" --type ")
                    .append(
                        type == IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST
                            ? "KeywordList"
                            : "Keyword"));
        LOG.error(
            "search attributes {} are missing in namespace {} and could not be added ({});"
                + " book and pipeline workflows cannot progress until an operator runs: {} --namespace {}",
            missing.keySet(),
            namespace,
            e.getStatus(),
            cmd,
            namespace);
      }
      return missing.keySet();
    } finally {
      operator.shutdown();
    }
  }
}
