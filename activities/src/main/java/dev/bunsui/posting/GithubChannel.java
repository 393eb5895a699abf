package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.support.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code github} channel: opens a pull request that adds the post as a Markdown file, with the
 * REST API (docs.github.com/rest, API version 2022-11-28):
 *
 * <ol>
 *   <li>{@code GET /repos/{repo}} for the default branch (unless {@code base-branch} is set);
 *   <li>{@code GET /repos/{repo}/git/ref/heads/{base}} for its head commit;
 *   <li>{@code POST /repos/{repo}/git/refs} creating branch {@code bunsui/post-<first 16 hex of the
 *       idempotency key>} (422 "already exists" is taken as an earlier attempt's branch);
 *   <li>{@code PUT /repos/{repo}/contents/{path}} with the file on that branch (422 when an earlier
 *       attempt already wrote it: accepted);
 *   <li>{@code POST /repos/{repo}/pulls}; the pull request number is the post id, its {@code
 *       html_url} the URL.
 * </ol>
 *
 * The file is {@code <folder>/<first 16 hex of the key>.md} unless {@code options.path} names
 * another; the pull request title is {@code options.title}, else the post's title, else its first
 * line. Whether an earlier attempt opened the pull request is asked with {@code GET
 * /repos/{repo}/pulls?head=<owner>:<branch>&state=all}.
 */
public final class GithubChannel implements Channel {
  private final ChannelSettings.Github settings;
  private final ChannelHttp http;
  private final Clock clock;

  /**
   * Creates the channel.
   *
   * @param settings API root, token, repository, base branch, folder
   * @param http the HTTP helper
   * @param clock stamps the post time when GitHub gives none
   */
  public GithubChannel(ChannelSettings.Github settings, ChannelHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String name() {
    return ChannelLimits.GITHUB;
  }

  @Override
  public Optional<String> missingConfiguration() {
    if (settings.token() == null || settings.token().isBlank()) {
      return Optional.of("set BUNSUI_GITHUB_TOKEN (bunsui.channels.github.token)");
    }
    if (settings.repo() == null || !settings.repo().matches("[\\w.-]+/[\\w.-]+")) {
      return Optional.of(
          "set BUNSUI_GITHUB_REPO (bunsui.channels.github.repo) to owner/name, got '"
              + settings.repo()
              + "'");
    }
    return Optional.empty();
  }

  @Override
  public Set<String> optionKeys() {
    return Set.of("path", "title");
  }

  /** The branch a post's pull request comes from. */
  public static String branch(String key) {
    return "bunsui/post-" + key.substring(0, 16);
  }

  @Override
  public Posted publish(PostRequest request) {
    String repo = repoPath();
    String base = settings.baseBranch();
    if (base == null || base.isBlank()) {
      base =
          send("GET /repos/{repo}", "GET", repo, null).json().path("default_branch").asText("main");
    }
    String sha =
        send("GET git ref", "GET", repo + "/git/ref/heads/" + encPath(base), null)
            .json()
            .path("object")
            .path("sha")
            .asText();
    String branch = branch(request.key());
    ObjectNode ref = Json.MAPPER.createObjectNode();
    ref.put("ref", "refs/heads/" + branch).put("sha", sha);
    send("POST git refs", "POST", repo + "/git/refs", ref, 422);

    String path = path(request);
    ObjectNode file = Json.MAPPER.createObjectNode();
    file.put("message", "Add post " + path + " (bunsui " + request.key().substring(0, 16) + ")");
    file.put(
        "content",
        Base64.getEncoder().encodeToString(markdown(request).getBytes(StandardCharsets.UTF_8)));
    file.put("branch", branch);
    send("PUT contents", "PUT", repo + "/contents/" + encPath(path), file, 422);

    ObjectNode pull = Json.MAPPER.createObjectNode();
    pull.put("title", title(request));
    pull.put("head", branch);
    pull.put("base", base);
    pull.put(
        "body",
        "Posted by bunsui (workflow "
            + request.workflowId()
            + ", step "
            + request.stepId()
            + ").\n\nIdempotency key: `"
            + request.key()
            + "`");
    JsonNode pr = send("POST pulls", "POST", repo + "/pulls", pull).json();
    return posted(pr);
  }

  @Override
  public boolean canLookup() {
    return true;
  }

  @Override
  public Optional<Posted> find(PostRequest request) {
    String owner = settings.repo().substring(0, settings.repo().indexOf('/'));
    String query = "/pulls?state=all&head=" + enc(owner + ":" + branch(request.key()));
    JsonNode list = send("GET pulls", "GET", repoPath() + query, null).json();
    return list.isArray() && !list.isEmpty() ? Optional.of(posted(list.get(0))) : Optional.empty();
  }

  private Posted posted(JsonNode pr) {
    Instant at;
    try {
      at = Instant.parse(pr.path("created_at").asText(""));
    } catch (DateTimeParseException e) {
      at = clock.instant();
    }
    return new Posted(pr.path("number").asText(null), pr.path("html_url").asText(null), at);
  }

  private String path(PostRequest request) {
    String p = request.options().path("path").asText("");
    if (!p.isBlank()) {
      return p.strip().replaceAll("^/+", "");
    }
    return settings.folderOrDefault() + "/" + request.key().substring(0, 16) + ".md";
  }

  private static String title(PostRequest request) {
    String t = request.options().path("title").asText("");
    if (t.isBlank()) {
      t = request.content().title() == null ? "" : request.content().title();
    }
    if (t.isBlank()) {
      t = request.content().text().strip().lines().findFirst().orElse("Post");
    }
    return t.length() <= 72 ? t : t.substring(0, 71) + "…";
  }

  private static String markdown(PostRequest request) {
    String title = request.content().title();
    String text = request.content().text().strip();
    return (title == null || text.startsWith(title) ? "" : "# " + title + "\n\n") + text + "\n";
  }

  private String repoPath() {
    return settings.base() + "/repos/" + settings.repo();
  }

  private ChannelHttp.Answer send(
      String label, String method, String url, JsonNode body, int... accept) {
    return http.send(
        name(),
        label,
        method,
        url,
        Map.of(
            "Authorization", "Bearer " + settings.token(),
            "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28"),
        body,
        accept);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String encPath(String path) {
    StringBuilder b = new StringBuilder();
    for (String seg : path.split("/")) {
      if (!b.isEmpty()) {
        b.append('/');
      }
      b.append(enc(seg).replace("+", "%20"));
    }
    return b.toString();
  }
}
