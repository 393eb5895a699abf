package dev.bunsui.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The links a job response carries (relative to the API's root). */
final class Links {
  private Links() {}

  /**
   * Links of a job.
   *
   * @param id the job id
   * @return {@code self}, {@code stream}, {@code cancel}, {@code rerun}, {@code approve} and {@code
   *     reject}
   */
  static Map<String, String> of(String id) {
    String base = "/v1/jobs/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", base);
    links.put("stream", base + "/stream");
    links.put("cancel", base + "/cancel");
    links.put("rerun", base + "/rerun");
    links.put("approve", base + "/approve");
    links.put("reject", base + "/reject");
    return links;
  }
}
