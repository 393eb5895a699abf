package dev.bunsui.figure;

import dev.bunsui.failure.ErrorCode;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.batik.bridge.EmbededExternalResourceSecurity;
import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.transcoder.ErrorHandler;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.batik.util.ParsedURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SVG to PNG with Apache Batik, hardened for untrusted input:
 *
 * <ul>
 *   <li>the document first passes {@link SvgSafety} (no DOCTYPE/ENTITY, no external references);
 *   <li>Batik reads it from bytes ({@link TranscoderInput} over an {@code InputStream}, no URI), so
 *       relative references have nothing to resolve against;
 *   <li>the user agent never loads scripts ({@link NoLoadScriptSecurity}), never loads external
 *       resources ({@link NoLoadExternalResourceSecurity}; only inline {@code data:} content), and
 *       {@code onload} is not executed;
 *   <li>the output size is capped by {@link FigureSettings#maxPixels()}.
 * </ul>
 *
 * Output is drawn on white at the size computed by {@link SvgSize}.
 */
final class SvgRenderer {
  static {
    Headless.ensure();
  }

  private static final Logger log = LoggerFactory.getLogger(SvgRenderer.class);

  /**
   * {@code fill}/{@code stroke} set to the CSS colour {@code transparent} (Graphviz writes it),
   * which Batik's SVG 1.1 parser rejects; {@code none} paints the same (nothing).
   */
  private static final Pattern TRANSPARENT_PAINT =
      Pattern.compile("\\b(fill|stroke)=(['\"])transparent\\2");

  private final int maxPixels;

  SvgRenderer(int maxPixels) {
    this.maxPixels = maxPixels;
  }

  /**
   * Renders an SVG.
   *
   * @throws FigureException {@code INPUT_INVALID} for unsafe or broken SVG, {@code FIGURE_RENDER}
   *     when Batik fails on a document that passed the checks
   */
  RenderedFigure render(byte[] source, String origin) {
    SvgSafety.CheckedSvg svg = SvgSafety.check(source, origin);
    SvgSize size = SvgSize.of(svg.rootAttributes(), maxPixels);
    HardenedTranscoder transcoder = new HardenedTranscoder();
    transcoder.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) size.width());
    transcoder.addTranscodingHint(ImageTranscoder.KEY_HEIGHT, (float) size.height());
    transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
    transcoder.addTranscodingHint(ImageTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
    transcoder.addTranscodingHint(ImageTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
    transcoder.addTranscodingHint(ImageTranscoder.KEY_CONSTRAIN_SCRIPT_ORIGIN, Boolean.TRUE);
    transcoder.addTranscodingHint(ImageTranscoder.KEY_ALLOWED_SCRIPT_TYPES, "");
    transcoder.addTranscodingHint(ImageTranscoder.KEY_XML_PARSER_VALIDATING, Boolean.FALSE);
    CollectingErrorHandler errors = new CollectingErrorHandler();
    transcoder.setErrorHandler(errors);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      transcoder.transcode(
          new TranscoderInput(new ByteArrayInputStream(batikCompatible(svg.bytes()))),
          new TranscoderOutput(out));
    } catch (TranscoderException | RuntimeException e) {
      throw new FigureException(
          ErrorCode.FIGURE_RENDER, origin, "Batik cannot render the SVG: " + reason(e), e);
    }
    if (!errors.messages.isEmpty()) {
      log.warn("{}: Batik recovered from: {}", origin, String.join("; ", errors.messages));
    }
    return Images.rendered(out.toByteArray(), "Batik", origin);
  }

  private static byte[] batikCompatible(byte[] bytes) {
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    String fixed = TRANSPARENT_PAINT.matcher(latin).replaceAll("$1=$2none$2");
    return fixed.equals(latin) ? bytes : fixed.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t instanceof TranscoderException te && te.getException() != null) {
      t = te.getException();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
  }

  /** A PNG transcoder whose user agent refuses scripts and external resources. */
  private static final class HardenedTranscoder extends PNGTranscoder {
    @Override
    protected UserAgent createUserAgent() {
      return new SVGAbstractTranscoderUserAgent() {
        @Override
        public ScriptSecurity getScriptSecurity(
            String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
          return new NoLoadScriptSecurity(scriptType);
        }

        @Override
        public ExternalResourceSecurity getExternalResourceSecurity(
            ParsedURL resourceURL, ParsedURL docURL) {
          if (resourceURL != null && "data".equalsIgnoreCase(resourceURL.getProtocol())) {
            return new EmbededExternalResourceSecurity(resourceURL);
          }
          return new NoLoadExternalResourceSecurity();
        }

        @Override
        public boolean isAllowExternalResources() {
          return false;
        }
      };
    }
  }

  /**
   * Collects Batik's recoverable errors (logged as a warning instead of printed to stderr) and
   * fails on fatal ones; warnings are ignored.
   */
  private static final class CollectingErrorHandler implements ErrorHandler {
    private final List<String> messages = new ArrayList<>();

    @Override
    public void error(TranscoderException ex) {
      messages.add(reason(ex));
    }

    @Override
    public void fatalError(TranscoderException ex) throws TranscoderException {
      throw ex;
    }

    @Override
    public void warning(TranscoderException ex) {}
  }
}
