package dev.bunsui.generate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Video scenes of a section; the JSON shape of {@code schemas/video-script.schema.json}.
 *
 * @param title video title
 * @param lang BCP 47 language of the narration
 * @param scenes the scenes in order (at least one)
 */
public record VideoScript(String title, String lang, List<Scene> scenes) {

  /**
   * One scene.
   *
   * @param narration what the narrator says
   * @param onScreenText short text shown on screen (at most 120 characters)
   * @param visual what is shown: a figure or code block reference, or a described slide
   * @param durationSeconds length of the scene in whole seconds (1–600)
   */
  public record Scene(
      String narration,
      @JsonProperty("on_screen_text") String onScreenText,
      String visual,
      @JsonProperty("duration_seconds") int durationSeconds) {}
}
