package dev.bunsui.generate;

import dev.bunsui.book.OutputKind;
import dev.bunsui.book.Provenance;
import dev.bunsui.metrics.Metrics;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link Generator} that reports every analysis and generation request to {@link
 * Metrics#llmRequest}: provider, model, outcome ({@code success} or the failure's {@code ErrorCode}
 * name), the tokens of the answer's provenance, and the wall time. Only requests actually made are
 * reported: step cache hits never reach a generator.
 */
final class MeteredGenerator implements Generator {
  private final Generator delegate;
  private final Metrics metrics;

  MeteredGenerator(Generator delegate, Metrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public String model() {
    return delegate.model();
  }

  @Override
  public String promptHash(String step) {
    return delegate.promptHash(step);
  }

  @Override
  public SectionAnalysis analyze(SectionText section) {
    return measured(() -> delegate.analyze(section), SectionAnalysis::provenance);
  }

  @Override
  public Draft generate(OutputKind kind, SectionText section, SectionAnalysis analysis) {
    return measured(() -> delegate.generate(kind, section, analysis), Draft::provenance);
  }

  private <T> T measured(Supplier<T> call, Function<T, Provenance> provenance) {
    long start = System.nanoTime();
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      String outcome =
          e instanceof ApplicationFailure f && f.getType() != null
              ? f.getType()
              : e instanceof PromptException ? "LLM_BAD_REQUEST" : "INTERNAL";
      metrics.llmRequest(provider(), model(), outcome, 0, 0, since(start));
      throw e;
    }
    Provenance p = provenance.apply(result);
    metrics.llmRequest(
        p == null || p.provider() == null ? provider() : p.provider(),
        p == null || p.model() == null ? model() : p.model(),
        Metrics.SUCCESS,
        p == null ? 0 : p.inputTokens(),
        p == null ? 0 : p.outputTokens(),
        since(start));
    return result;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
