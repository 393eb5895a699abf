package dev.bunsui.figure;

import dev.bunsui.failure.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The secure pre-check every SVG passes before Batik sees it.
 *
 * <ul>
 *   <li>A plain SVG 1.0/1.1 DOCTYPE ({@code <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG …" "…">} without
 *       an internal subset, as Graphviz writes) is removed; it only names a DTD that is never
 *       loaded. Any other DOCTYPE, and every ENTITY, is rejected (XXE and billion-laughs defence,
 *       OWASP XML External Entity Prevention Cheat Sheet).
 *   <li>The rest is parsed with a SAX parser that has {@code disallow-doctype-decl}, no external
 *       entities or DTDs and secure processing on.
 *   <li>The root must be {@code <svg>} in the SVG namespace.
 *   <li>References to anything but a fragment ({@code #id}) or a {@code data:} URI are rejected:
 *       {@code href}/{@code xlink:href} attributes, {@code url(…)} in attributes and style sheets,
 *       {@code @import} and {@code xml-stylesheet} processing instructions.
 * </ul>
 */
final class SvgSafety {
  static final String SVG_NS = "http://www.w3.org/2000/svg";

  private static final Pattern PLAIN_SVG_DOCTYPE =
      Pattern.compile(
          "<!DOCTYPE\\s+svg\\s+PUBLIC\\s+\"-//W3C//DTD SVG [0-9.]+( Tiny| Basic)?//EN\"\\s*"
              + "(\"[^\"\\[\\]<>]*\"\\s*)?>");
  private static final Pattern URL_REF =
      Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMPORT =
      Pattern.compile("@import\\s+(?:url\\(\\s*)?['\"]?([^'\");\\s]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PI_HREF = Pattern.compile("href\\s*=\\s*(['\"])(.*?)\\1");

  private SvgSafety() {}

  /**
   * The checked SVG.
   *
   * @param bytes the document to hand to Batik (the input without its plain DOCTYPE)
   * @param rootAttributes attributes of the root {@code <svg>} element without namespace, such as
   *     {@code width}, {@code height}, {@code viewBox}
   */
  record CheckedSvg(byte[] bytes, Map<String, String> rootAttributes) {}

  /**
   * Checks an SVG document.
   *
   * @throws FigureException {@code INPUT_INVALID} naming the problem (DOCTYPE or ENTITY, external
   *     reference, not XML, not SVG)
   */
  static CheckedSvg check(byte[] source, String origin) {
    byte[] bytes = stripPlainDoctype(source);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    if (latin.contains("<!ENTITY")) {
      throw invalid(origin, "SVG declares an ENTITY; entities are not allowed (XXE protection)");
    }
    if (latin.contains("<!DOCTYPE")) {
      throw invalid(
          origin,
          "SVG has a DOCTYPE other than the plain SVG 1.1 one; remove it (DOCTYPEs with internal"
              + " subsets or SYSTEM identifiers are refused for XXE protection)");
    }
    Scanner scanner = new Scanner(origin);
    try {
      SAXParser parser = secureFactory().newSAXParser();
      parser.parse(new ByteArrayInputStream(bytes), scanner);
    } catch (SAXParseException e) {
      if (scanner.failure != null) {
        throw scanner.failure;
      }
      throw invalid(
          origin,
          "SVG is not well-formed XML (line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + "): "
              + e.getMessage(),
          e);
    } catch (SAXException | IOException e) {
      if (scanner.failure != null) {
        throw scanner.failure;
      }
      throw invalid(origin, "SVG cannot be parsed: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("this JDK's SAX parser lacks the secure features", e);
    }
    if (scanner.rootAttributes == null) {
      throw invalid(origin, "SVG has no root element");
    }
    return new CheckedSvg(bytes, Map.copyOf(scanner.rootAttributes));
  }

  private static byte[] stripPlainDoctype(byte[] source) {
    String latin = new String(source, StandardCharsets.ISO_8859_1);
    Matcher m = PLAIN_SVG_DOCTYPE.matcher(latin);
    if (!m.find()) {
      return source;
    }
    String stripped = latin.substring(0, m.start()) + latin.substring(m.end());
    return stripped.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static SAXParserFactory secureFactory() throws ParserConfigurationException {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (SAXException e) {
      throw new ParserConfigurationException("secure SAX features unavailable: " + e);
    }
    return f;
  }

  /**
   * Whether a reference may stay: a fragment of this document or inline {@code data:} content.
   * Everything else (http, https, file, relative paths, other schemes) would make Batik load
   * something from outside the bytes we were given.
   */
  static boolean isLocal(String target) {
    String t = target.strip();
    return t.isEmpty() || t.startsWith("#") || t.toLowerCase(Locale.ROOT).startsWith("data:");
  }

  private static FigureException invalid(String origin, String reason) {
    return new FigureException(ErrorCode.INPUT_INVALID, origin, reason);
  }

  private static FigureException invalid(String origin, String reason, Throwable cause) {
    return new FigureException(ErrorCode.INPUT_INVALID, origin, reason, cause);
  }

  /**
   * Walks the document, recording the root's attributes and stopping at the first bad reference.
   */
  private static final class Scanner extends DefaultHandler {
    private final String origin;
    private Map<String, String> rootAttributes;
    private FigureException failure;
    private int styleDepth;
    private final StringBuilder style = new StringBuilder();

    Scanner(String origin) {
      this.origin = origin;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts)
        throws SAXException {
      if (rootAttributes == null) {
        if (!"svg".equals(localName)) {
          fail("root element is <" + qName + ">, not <svg>; this is not an SVG image");
        }
        if (!SVG_NS.equals(uri)) {
          fail("root <svg> lacks xmlns=\"" + SVG_NS + "\"; add it");
        }
        rootAttributes = new HashMap<>();
        for (int i = 0; i < atts.getLength(); i++) {
          if (atts.getURI(i).isEmpty()) {
            rootAttributes.put(atts.getLocalName(i), atts.getValue(i));
          }
        }
      }
      for (int i = 0; i < atts.getLength(); i++) {
        String name = atts.getQName(i);
        String value = atts.getValue(i);
        if ("href".equals(atts.getLocalName(i)) && !isLocal(value)) {
          fail(
              "<"
                  + qName
                  + " "
                  + name
                  + "=\""
                  + value
                  + "\"> references an external resource; embed it as a data: URI or remove it");
        }
        checkCss(value, "<" + qName + " " + name + ">");
      }
      if ("style".equals(localName)) {
        styleDepth++;
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if ("style".equals(localName) && styleDepth > 0 && --styleDepth == 0) {
        String css = style.toString();
        style.setLength(0);
        checkCss(css, "<style>");
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (styleDepth > 0) {
        style.append(ch, start, length);
      }
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      if ("xml-stylesheet".equals(target)) {
        Matcher m = PI_HREF.matcher(data);
        String href = m.find() ? m.group(2) : data;
        if (!isLocal(href)) {
          fail(
              "<?xml-stylesheet href=\""
                  + href
                  + "\"?> references an external style sheet; inline it in <style>");
        }
      }
    }

    private void checkCss(String text, String where) throws SAXException {
      if (text.indexOf('(') < 0 && text.indexOf('@') < 0) {
        return;
      }
      Matcher url = URL_REF.matcher(text);
      while (url.find()) {
        if (!isLocal(url.group(2))) {
          fail(
              where
                  + " references an external resource url("
                  + url.group(2)
                  + "); use a #fragment or a data: URI");
        }
      }
      Matcher imp = IMPORT.matcher(text);
      while (imp.find()) {
        if (!isLocal(imp.group(1))) {
          fail(where + " imports an external style sheet @import " + imp.group(1) + "; inline it");
        }
      }
    }

    private void fail(String reason) throws SAXException {
      failure = invalid(origin, reason);
      throw new SAXException(reason);
    }
  }
}
