package dev.bunsui.figure;

import dev.bunsui.book.FigureType;
import dev.bunsui.failure.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Converts one figure to PNG: SVG with Batik ({@link SvgRenderer}), Mermaid with {@code mmdc}
 * ({@link MermaidRenderer}), PlantUML in process ({@link PlantUmlRenderer}), raster images passed
 * through or re-encoded ({@link RasterRenderer}). Thread-safe; every call is independent.
 */
public final class FigureService implements FigureConverter {
  /** Largest accepted figure source: 16 MiB. */
  public static final int MAX_SOURCE_BYTES = 16 * 1024 * 1024;

  /** Version of bunsui's figure pipeline; bump when a renderer change alters PNGs. */
  public static final String PIPELINE_VERSION = "figures-1";

  private final FigureSettings settings;
  private final SvgRenderer svg;
  private final MermaidRenderer mermaid;
  private final PlantUmlRenderer plantUml;
  private final RasterRenderer raster;

  /**
   * Creates the service.
   *
   * @param settings renderer locations, timeout and pixel cap
   */
  public FigureService(FigureSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.svg = new SvgRenderer(settings.maxPixels());
    this.mermaid = new MermaidRenderer(settings);
    this.plantUml = new PlantUmlRenderer();
    this.raster = new RasterRenderer(settings.maxPixels());
  }

  /**
   * Converts a figure.
   *
   * @param type what the source is
   * @param source the figure's bytes: SVG document, Mermaid or PlantUML text (UTF-8), or a raster
   *     image; at most {@link #MAX_SOURCE_BYTES}
   * @param origin where the figure is, as {@code file:line}; starts every error message
   * @return the PNG with its size in pixels
   * @throws FigureException {@link ErrorCode#INPUT_INVALID} for empty, oversized, unsafe or
   *     unreadable input; {@link ErrorCode#FIGURE_RENDER} when rendering fails or the renderer is
   *     missing
   */
  @Override
  public RenderedFigure convert(FigureType type, byte[] source, String origin) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    if (source.length == 0) {
      throw new FigureException(ErrorCode.INPUT_INVALID, origin, "figure is empty");
    }
    if (source.length > MAX_SOURCE_BYTES) {
      throw new FigureException(
          ErrorCode.INPUT_INVALID,
          origin,
          "figure is "
              + source.length
              + " bytes, more than the limit of "
              + MAX_SOURCE_BYTES
              + " bytes");
    }
    return switch (type) {
      case SVG -> svg.render(source, origin);
      case MERMAID -> mermaid.render(source, origin);
      case PLANTUML -> plantUml.render(utf8(source, origin), origin);
      case RASTER -> raster.render(source, origin);
    };
  }

  /**
   * {@inheritDoc}
   *
   * <p>Always the pipeline version and type; SVG adds the Batik version and pixel cap, Mermaid the
   * {@code mmdc} and Chromium paths and the fixed scale and background, PlantUML its version,
   * raster the pixel cap.
   */
  @Override
  public String renderSettings(FigureType type) {
    String common = PIPELINE_VERSION + " " + type.name().toLowerCase(Locale.ROOT);
    return switch (type) {
      case SVG ->
          common
              + " batik="
              + org.apache.batik.Version.getVersion()
              + " maxPixels="
              + settings.maxPixels();
      case MERMAID ->
          common
              + " mmdc="
              + settings.mermaidCommand()
              + " chromium="
              + settings.chromiumPath()
              + " scale=2 background=white";
      case PLANTUML ->
          common + " plantuml=" + net.sourceforge.plantuml.version.Version.versionString();
      case RASTER -> common + " maxPixels=" + settings.maxPixels();
    };
  }

  private static String utf8(byte[] source, String origin) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(source))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FigureException(
          ErrorCode.INPUT_INVALID, origin, "diagram text is not valid UTF-8", e);
    }
  }
}
