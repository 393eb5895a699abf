package dev.bunsui.cache;

import dev.bunsui.support.Hashes;

/**
 * What a step's output is a function of, and so the step cache's key: step kind, input hash, prompt
 * hash, provider and model. Two runs that agree on all five reuse one output.
 *
 * <p>For LLM steps the fields are what provenance records (the prompt hash of the templates, the
 * provider and model after defaults). Steps without a prompt fill the same slots with what shapes
 * their output: the prompt hash is the hash of the renderer settings, the provider {@code bunsui}
 * and the model the renderer's name and version.
 *
 * @param step step kind: {@code analysis}, an output kind in lower case ({@code article}, {@code
 *     x_posts} …), {@code figure} or {@code thumbnail}
 * @param inputHash SHA-256 (hex) of everything the step reads
 * @param promptHash SHA-256 (hex) of the prompt templates, or of the algorithm or renderer settings
 * @param provider the resolved provider name
 * @param model the resolved model name
 */
public record StepKey(
    String step, String inputHash, String promptHash, String provider, String model) {

  /** Version of the key derivation and entry format; bump to orphan every stored entry. */
  static final String FORMAT = "bunsui-step-cache/1";

  /**
   * Validates the key.
   *
   * @throws IllegalArgumentException when a field is null, blank or contains a NUL character
   */
  public StepKey {
    require("step", step);
    require("inputHash", inputHash);
    require("promptHash", promptHash);
    require("provider", provider);
    require("model", model);
  }

  /**
   * The key's address: SHA-256 (64 hex characters) of the format version and the five fields,
   * NUL-separated in component order.
   */
  public String hash() {
    return Hashes.sha256(
        String.join("\u0000", FORMAT, step, inputHash, promptHash, provider, model));
  }

  /** The store key of the entry: {@code cache/steps/<first 2 hex>/<hash>.json}. */
  public String storeKey() {
    String h = hash();
    return "cache/steps/" + h.substring(0, 2) + "/" + h + ".json";
  }

  private static void require(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "step cache key needs a " + name + ", got '" + value + "'");
    }
    if (value.indexOf('\u0000') >= 0) {
      throw new IllegalArgumentException(
          "step cache key field " + name + " must not contain a NUL character");
    }
  }
}
