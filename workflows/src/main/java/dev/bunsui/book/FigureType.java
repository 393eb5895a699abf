package dev.bunsui.book;

/** Where a figure comes from in the Markdown source. */
public enum FigureType {
  /** An SVG file linked as an image, or inline {@code <svg>} markup. */
  SVG,
  /** A fenced {@code mermaid} code block. */
  MERMAID,
  /** A fenced {@code plantuml} code block. */
  PLANTUML,
  /**
   * A linked raster image: PNG passed through unchanged, JPEG and GIF converted to PNG; formats the
   * JDK cannot decode (such as WebP) are skipped with the reason.
   */
  RASTER
}
