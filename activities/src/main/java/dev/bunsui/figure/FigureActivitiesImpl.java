package dev.bunsui.figure;

import dev.bunsui.book.FigureActivities;
import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureRequest;
import dev.bunsui.book.FigureResult;
import dev.bunsui.cache.StepCache;
import dev.bunsui.cache.StepKey;
import dev.bunsui.metrics.Metrics;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Hashes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figure activity: reads the figure source from the store, converts it with {@link
 * FigureService} and stores the PNG under its content hash.
 *
 * <p>Failures: {@link FigureException} becomes an {@code ApplicationFailure} typed with its code
 * ({@code FIGURE_RENDER} or {@code INPUT_INVALID}, not retried; the workflow skips the figure);
 * {@link StoreException} becomes its code ({@code STORE_IO} retried; {@code STORE_CONFIG} and
 * {@code STORE_ACCESS_DENIED} not).
 *
 * <p>Step cache: a figure whose source bytes and renderer settings were converted before, and whose
 * PNG is still stored, is not rendered again (unless the run asks for {@code refresh}); the hit is
 * logged at INFO.
 *
 * <p>Metrics: every render is counted by type and outcome ({@link Metrics#figureConverted}), every
 * step cache lookup as a hit or miss.
 */
public class FigureActivitiesImpl implements FigureActivities {
  private static final Logger log = LoggerFactory.getLogger(FigureActivitiesImpl.class);

  private final ArtifactStore store;
  private final FigureConverter converter;
  private final StepCache cache;
  private final Metrics metrics;

  /**
   * Creates the activity without metrics.
   *
   * @param store where figure sources are read, PNGs written and step cache entries kept
   * @param converter the converter ({@link FigureService})
   */
  public FigureActivitiesImpl(ArtifactStore store, FigureConverter converter) {
    this(store, converter, Metrics.NOOP);
  }

  /**
   * Creates the activity.
   *
   * @param store where figure sources are read, PNGs written and step cache entries kept
   * @param converter the converter ({@link FigureService})
   * @param metrics receives every render ({@link Metrics#figureConverted}) and step cache lookup
   */
  public FigureActivitiesImpl(ArtifactStore store, FigureConverter converter, Metrics metrics) {
    this.store = Objects.requireNonNull(store, "store");
    this.converter = Objects.requireNonNull(converter, "converter");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.cache = new StepCache(store, metrics);
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.temporal.failure.ApplicationFailure typed {@code FIGURE_RENDER} or {@code
   *     INPUT_INVALID} (non-retryable) with the message {@code file:line: reason}, or {@code
   *     STORE_IO} (retryable) when the store cannot be read or written ({@code STORE_CONFIG} or
   *     {@code STORE_ACCESS_DENIED}, non-retryable, when its configuration or credentials are
   *     wrong)
   */
  @Override
  public FigureResult convertFigure(FigureRequest request) {
    FigureOutline figure = request.figure();
    String origin = figure.sourceFile() + ":" + figure.line();
    try {
      ConvertedFigure png =
          cache
              .getOrCompute(
                  key(figure),
                  figure.id(),
                  request.book() != null && request.book().refresh(),
                  ConvertedFigure.class,
                  c -> List.of(c.png()),
                  () -> render(figure, origin))
              .value();
      return new FigureResult(
          figure.id(), figure.type(), figure.link(), png.png(), png.width(), png.height());
    } catch (FigureException e) {
      throw Failures.of(e.code(), e.getMessage(), e);
    } catch (StoreException e) {
      throw Failures.of(e.code(), origin + ": figure " + figure.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The step cache key of a figure: the source's content hash, and the hash of the renderer
   * settings of its type ({@link FigureConverter#renderSettings}) in the prompt slot.
   */
  private StepKey key(FigureOutline figure) {
    String type = figure.type().name().toLowerCase(Locale.ROOT);
    return new StepKey(
        "figure",
        figure.source().sha256(),
        Hashes.sha256(converter.renderSettings(figure.type())),
        "bunsui",
        "figure-" + type);
  }

  private ConvertedFigure render(FigureOutline figure, String origin) {
    byte[] source = store.get(figure.source());
    String type = figure.type().name().toLowerCase(Locale.ROOT);
    long start = System.nanoTime();
    RenderedFigure png;
    try {
      png = converter.convert(figure.type(), source, origin);
    } catch (RuntimeException e) {
      String outcome = e instanceof FigureException f ? f.code().name() : "INTERNAL";
      metrics.figureConverted(type, outcome, Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
    metrics.figureConverted(type, Metrics.SUCCESS, Duration.ofNanos(System.nanoTime() - start));
    ArtifactRef ref = store.put(png.png(), "image/png", "png");
    log.debug(
        "figure {} ({}) -> {}×{} {}", figure.id(), origin, png.width(), png.height(), ref.uri());
    return new ConvertedFigure(ref, png.width(), png.height());
  }
}
