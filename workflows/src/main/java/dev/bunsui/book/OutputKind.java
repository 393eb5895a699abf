package dev.bunsui.book;

/** The kinds of output the book pipeline can produce per section and chapter. */
public enum OutputKind {
  /** A Markdown article per section. */
  ARTICLE,
  /** Narration text for a video per section. */
  VIDEO_SCRIPT,
  /**
   * Scenes (narration, on-screen text, visual, seconds) validated against video-script.schema.json.
   */
  VIDEO_SCRIPT_JSON,
  /** X posts, each within 280 weighted characters (twitter-text rules). */
  X_POSTS,
  /** A description of at most 160 characters. */
  DESCRIPTION,
  /** Figures converted to PNG (SVG, Mermaid, PlantUML; raster passed through). */
  FIGURES,
  /** A 1280×720 PNG thumbnail per chapter. */
  THUMBNAIL;

  /** Whether this kind is text generated per section by the LLM provider. */
  public boolean generated() {
    return this != FIGURES && this != THUMBNAIL;
  }
}
