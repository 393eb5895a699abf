package dev.bunsui.figure;

import dev.bunsui.book.FigureActivities;
import dev.bunsui.book.FigureOutline;
import dev.bunsui.book.FigureRequest;
import dev.bunsui.book.FigureResult;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Failures;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figure activity: reads the figure source from the store, converts it with {@link
 * FigureService} and stores the PNG under its content hash.
 *
 * <p>Failures: {@link FigureException} becomes an {@code ApplicationFailure} typed with its code
 * ({@code FIGURE_RENDER} or {@code INPUT_INVALID}, not retried; the workflow skips the figure);
 * {@link StoreException} becomes {@code STORE_IO} (retried).
 */
public class FigureActivitiesImpl implements FigureActivities {
  private static final Logger log = LoggerFactory.getLogger(FigureActivitiesImpl.class);

  private final ArtifactStore store;
  private final FigureService service;

  /**
   * Creates the activity.
   *
   * @param store where figure sources are read and PNGs written
   * @param service the converter
   */
  public FigureActivitiesImpl(ArtifactStore store, FigureService service) {
    this.store = Objects.requireNonNull(store, "store");
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.temporal.failure.ApplicationFailure typed {@code FIGURE_RENDER} or {@code
   *     INPUT_INVALID} (non-retryable) with the message {@code file:line: reason}, or {@code
   *     STORE_IO} (retryable) when the store cannot be read or written
   */
  @Override
  public FigureResult convertFigure(FigureRequest request) {
    FigureOutline figure = request.figure();
    String origin = figure.sourceFile() + ":" + figure.line();
    try {
      byte[] source = store.get(figure.source());
      RenderedFigure png = service.convert(figure.type(), source, origin);
      ArtifactRef ref = store.put(png.png(), "image/png", "png");
      log.debug(
          "figure {} ({}) -> {}×{} {}", figure.id(), origin, png.width(), png.height(), ref.uri());
      return new FigureResult(
          figure.id(), figure.type(), figure.link(), ref, png.width(), png.height());
    } catch (FigureException e) {
      throw Failures.of(e.code(), e.getMessage(), e);
    } catch (StoreException e) {
      throw Failures.of(
          ErrorCode.STORE_IO, origin + ": figure " + figure.id() + ": " + e.getMessage(), e);
    }
  }
}
