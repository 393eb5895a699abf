package dev.bunsui.posting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bunsui.support.Json;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP channels against a WireMock fake of each service: success, rejection, throttling, and
 * the retry after an unknown outcome (pending record present and the channel already has the post →
 * exactly one post, {@code already_posted}).
 */
class HttpChannelPostingTest {
  private static final String TEXT = "StockPilot is here & ready. Try it today #Inventory";
  @TempDir Path dir;
  WireMockServer wm;
  PostingFixture f;

  @BeforeEach
  void setUp() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    f = fixture(false);
  }

  private PostingFixture fixture(boolean webhookDedups) {
    return new PostingFixture(
        dir,
        new ChannelSettings(
            dir.resolve("outbox.jsonl"),
            new ChannelSettings.Webhook(wm.baseUrl() + "/hook", webhookDedups),
            new ChannelSettings.Slack(wm.baseUrl() + "/services/T0/B0/secret"),
            new ChannelSettings.X(wm.baseUrl(), "x-token", null),
            new ChannelSettings.Github(wm.baseUrl(), "gh-token", "acme/site", null, "news"),
            Duration.ofSeconds(5)));
  }

  @AfterEach
  void tearDown() {
    wm.stop();
  }

  private int posts(String path) {
    return wm.findAll(postRequestedFor(urlEqualTo(path))).size();
  }

  private ApplicationFailure failing(String channel, int attempt) {
    return catchThrowableOfType(
        ApplicationFailure.class, () -> f.post(PostingFixture.input(channel, TEXT), attempt));
  }

  // --- webhook ---------------------------------------------------------------------------------

  @Test
  void webhookSendsTheIdempotencyKeyAndReadsIdAndUrl() {
    String key = PostingFixture.key("webhook", TEXT);
    wm.stubFor(
        post(urlEqualTo("/hook"))
            .withHeader("Idempotency-Key", equalTo(key))
            .withRequestBody(matchingJsonPath("$.text", equalTo(TEXT)))
            .withRequestBody(matchingJsonPath("$.workflow_id", equalTo("campaign-1")))
            .willReturn(okJson("{\"id\": \"evt-9\", \"url\": \"https://example.com/p/9\"}")));
    JsonNode out = f.post(PostingFixture.input("webhook", TEXT), 1).output();
    assertThat(out.path("status").asText()).isEqualTo("posted");
    assertThat(out.path("post_id").asText()).isEqualTo("evt-9");
    assertThat(out.path("url").asText()).isEqualTo("https://example.com/p/9");
    assertThat(f.post(PostingFixture.input("webhook", TEXT), 2).output().path("status").asText())
        .isEqualTo("already_posted");
    assertThat(posts("/hook")).isEqualTo(1);
  }

  @Test
  void webhookRejectionIsNotRetriedAndCarriesTheMessage() {
    wm.stubFor(
        post(urlEqualTo("/hook"))
            .willReturn(aResponse().withStatus(400).withBody("{\"error\": \"text too long\"}")));
    ApplicationFailure e = failing("webhook", 1);
    assertThat(e.getType()).isEqualTo("POST_REJECTED");
    assertThat(e.isNonRetryable()).isTrue();
    assertThat(e.getOriginalMessage()).contains("HTTP 400").contains("text too long");
    assertThat(f.record("webhook", TEXT).orElseThrow().state()).isEqualTo("failed");
    assertThat(f.posts).containsEntry("webhook/POST_REJECTED", 1);
  }

  @Test
  void webhookUnknownOutcomeIsRetryableThenPostOutcomeUnknown() {
    wm.stubFor(
        post(urlEqualTo("/hook"))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));
    ApplicationFailure first = failing("webhook", 1);
    assertThat(first.getType()).isEqualTo("POST_UNAVAILABLE");
    assertThat(first.isNonRetryable()).isFalse();
    assertThat(first.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(f.record("webhook", TEXT).orElseThrow().state()).isEqualTo("pending");

    ApplicationFailure second = failing("webhook", 2);
    assertThat(second.getType()).isEqualTo("POST_OUTCOME_UNKNOWN");
    assertThat(second.isNonRetryable()).isTrue();
    assertThat(second.getOriginalMessage()).contains("cannot be asked").contains("posts/");
    assertThat(posts("/hook")).isEqualTo(1);
  }

  @Test
  void webhookThatDeduplicatesIsSentAgainWithTheSameKey() {
    f = fixture(true);
    f.pending("webhook", TEXT);
    wm.stubFor(
        post(urlEqualTo("/hook"))
            .withHeader("Idempotency-Key", equalTo(PostingFixture.key("webhook", TEXT)))
            .willReturn(okJson("{}")));
    assertThat(f.post(PostingFixture.input("webhook", TEXT), 2).output().path("status").asText())
        .isEqualTo("posted");
    assertThat(posts("/hook")).isEqualTo(1);
  }

  // --- slack -----------------------------------------------------------------------------------

  @Test
  void slackPostsTextAndMapsErrors() {
    String path = "/services/T0/B0/secret";
    wm.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(equalToJson("{\"text\": \"" + TEXT + "\"}"))
            .willReturn(aResponse().withStatus(200).withBody("ok")));
    JsonNode out = f.post(PostingFixture.input("slack", TEXT), 1).output();
    assertThat(out.path("status").asText()).isEqualTo("posted");
    assertThat(out.path("post_id").isNull()).isTrue();

    String other = TEXT + " (2)";
    wm.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(matchingJsonPath("$.text", equalTo(other)))
            .willReturn(aResponse().withStatus(404).withBody("channel_not_found")));
    ApplicationFailure e =
        catchThrowableOfType(
            ApplicationFailure.class, () -> f.post(PostingFixture.input("slack", other), 1));
    assertThat(e.getType()).isEqualTo("POST_REJECTED");
    assertThat(e.getOriginalMessage()).contains("channel_not_found").doesNotContain("secret");
  }

  @Test
  void slackThrottlingForgetsTheAttemptButAPendingPostIsNeverResent() {
    String path = "/services/T0/B0/secret";
    wm.stubFor(
        post(urlEqualTo(path))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    ApplicationFailure e = failing("slack", 1);
    assertThat(e.getType()).isEqualTo("POST_UNAVAILABLE");
    assertThat(e.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    // 429 means nothing was posted: the next attempt posts
    assertThat(f.record("slack", TEXT).orElseThrow().state()).isEqualTo("failed");
    wm.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("ok")));
    assertThat(f.post(PostingFixture.input("slack", TEXT), 2).output().path("status").asText())
        .isEqualTo("posted");

    String other = TEXT + " (pending)";
    f.pending("slack", other);
    e =
        catchThrowableOfType(
            ApplicationFailure.class, () -> f.post(PostingFixture.input("slack", other), 2));
    assertThat(e.getType()).isEqualTo("POST_OUTCOME_UNKNOWN");
    assertThat(posts(path)).isEqualTo(2);
  }

  // --- x ---------------------------------------------------------------------------------------

  @Test
  void xPostsWithTheBearerTokenAndRejectsDuplicates() {
    wm.stubFor(
        post(urlEqualTo("/2/tweets"))
            .withHeader("Authorization", equalTo("Bearer x-token"))
            .withRequestBody(equalToJson("{\"text\": \"" + TEXT + "\"}"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\": {\"id\": \"1790\", \"text\": \"...\"}}")));
    JsonNode out = f.post(PostingFixture.input("x", TEXT), 1).output();
    assertThat(out.path("post_id").asText()).isEqualTo("1790");
    assertThat(out.path("url").asText()).isEqualTo("https://x.com/i/web/status/1790");

    String dup = "An older post";
    wm.stubFor(
        post(urlEqualTo("/2/tweets"))
            .withRequestBody(matchingJsonPath("$.text", equalTo(dup)))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"detail\": \"You are not allowed to create a Tweet with duplicate"
                            + " content.\", \"status\": 403}")));
    ApplicationFailure e =
        catchThrowableOfType(
            ApplicationFailure.class, () -> f.post(PostingFixture.input("x", dup), 1));
    assertThat(e.getType()).isEqualTo("POST_REJECTED");
    assertThat(e.getOriginalMessage()).contains("duplicate content");
  }

  @Test
  void xAfterAnUnknownOutcomeFindsThePostAndPostsExactlyOnce() {
    // attempt 1: X takes the post but the connection drops before the answer
    wm.stubFor(
        post(urlEqualTo("/2/tweets"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ApplicationFailure e = failing("x", 1);
    assertThat(e.getType()).isEqualTo("POST_UNAVAILABLE");
    assertThat(e.isNonRetryable()).isFalse();
    assertThat(f.record("x", TEXT).orElseThrow().state()).isEqualTo("pending");

    // attempt 2: the user's recent posts include it (X escapes & and shortens links)
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(okJson("{\"data\": {\"id\": \"42\"}}")));
    wm.stubFor(
        get(urlPathEqualTo("/2/users/42/tweets"))
            .willReturn(
                okJson(
                    "{\"data\": [{\"id\": \"7\", \"text\": \"other\"}, {\"id\": \"1791\","
                        + " \"text\": \"StockPilot is here &amp; ready. Try it today #Inventory\","
                        + " \"created_at\": \"2025-05-01T08:59:58.000Z\"}]}")));
    JsonNode out = f.post(PostingFixture.input("x", TEXT), 2).output();
    assertThat(out.path("status").asText()).isEqualTo("already_posted");
    assertThat(out.path("post_id").asText()).isEqualTo("1791");
    assertThat(out.path("posted_at").asText()).isEqualTo("2025-05-01T08:59:58Z");
    assertThat(posts("/2/tweets")).isEqualTo(1);
    assertThat(f.record("x", TEXT).orElseThrow().state()).isEqualTo("confirmed");
    wm.verify(
        getRequestedFor(urlPathEqualTo("/2/users/42/tweets"))
            .withHeader("Authorization", equalTo("Bearer x-token")));

    // attempt 3 does not even ask
    assertThat(f.post(PostingFixture.input("x", TEXT), 3).output().path("status").asText())
        .isEqualTo("already_posted");
    assertThat(wm.findAll(getRequestedFor(urlEqualTo("/2/users/me")))).hasSize(1);
  }

  @Test
  void xPendingButNotFoundIsPostedOnceWithTheRateLimitResetHonoured() {
    f.pending("x", TEXT);
    wm.stubFor(get(urlEqualTo("/2/users/me")).willReturn(okJson("{\"data\": {\"id\": \"42\"}}")));
    wm.stubFor(get(urlPathEqualTo("/2/users/42/tweets")).willReturn(okJson("{\"meta\": {}}")));
    long reset = PostingFixture.CLOCK.instant().getEpochSecond() + 90;
    wm.stubFor(
        post(urlEqualTo("/2/tweets"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-rate-limit-reset", Long.toString(reset))));
    ApplicationFailure e = failing("x", 2);
    assertThat(e.getType()).isEqualTo("POST_UNAVAILABLE");
    assertThat(e.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(90));

    wm.stubFor(
        post(urlEqualTo("/2/tweets"))
            .willReturn(aResponse().withStatus(201).withBody("{\"data\": {\"id\": \"1800\"}}")));
    JsonNode out = f.post(PostingFixture.input("x", TEXT), 3).output();
    assertThat(out.path("status").asText()).isEqualTo("posted");
    assertThat(out.path("post_id").asText()).isEqualTo("1800");
    assertThat(posts("/2/tweets")).isEqualTo(2);
  }

  // --- github ----------------------------------------------------------------------------------

  private void githubRepo() {
    wm.stubFor(
        get(urlEqualTo("/repos/acme/site")).willReturn(okJson("{\"default_branch\": \"main\"}")));
    wm.stubFor(
        get(urlEqualTo("/repos/acme/site/git/ref/heads/main"))
            .willReturn(okJson("{\"object\": {\"sha\": \"abc123\"}}")));
  }

  @Test
  void githubOpensAPullRequestWithTheMarkdownFile() throws Exception {
    githubRepo();
    String key = PostingFixture.key("github", TEXT);
    String branch = "bunsui/post-" + key.substring(0, 16);
    wm.stubFor(
        post(urlEqualTo("/repos/acme/site/git/refs"))
            .withRequestBody(matchingJsonPath("$.ref", equalTo("refs/heads/" + branch)))
            .withRequestBody(matchingJsonPath("$.sha", equalTo("abc123")))
            .willReturn(aResponse().withStatus(201).withBody("{}")));
    String file = "/repos/acme/site/contents/news/" + key.substring(0, 16) + ".md";
    wm.stubFor(put(urlEqualTo(file)).willReturn(aResponse().withStatus(201).withBody("{}")));
    wm.stubFor(
        post(urlEqualTo("/repos/acme/site/pulls"))
            .withHeader("Authorization", equalTo("Bearer gh-token"))
            .withRequestBody(matchingJsonPath("$.head", equalTo(branch)))
            .withRequestBody(matchingJsonPath("$.base", equalTo("main")))
            .withRequestBody(matchingJsonPath("$.title", equalTo("Launch")))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"number\": 12, \"html_url\": \"https://github.com/acme/site/pull/12\","
                            + " \"created_at\": \"2025-05-01T09:00:01Z\"}")));
    JsonNode out = f.post(PostingFixture.input("github", TEXT), 1).output();
    assertThat(out.path("post_id").asText()).isEqualTo("12");
    assertThat(out.path("url").asText()).isEqualTo("https://github.com/acme/site/pull/12");
    JsonNode put =
        Json.MAPPER.readTree(
            wm.findAll(putRequestedFor(urlEqualTo(file))).get(0).getBodyAsString());
    String markdown =
        new String(
            Base64.getDecoder().decode(put.path("content").asText()), StandardCharsets.UTF_8);
    assertThat(markdown).isEqualTo("# Launch\n\n" + TEXT + "\n");
    assertThat(put.path("branch").asText()).isEqualTo(branch);
  }

  @Test
  void githubRejectionCarriesGithubsMessage() {
    wm.stubFor(
        get(urlEqualTo("/repos/acme/site"))
            .willReturn(aResponse().withStatus(404).withBody("{\"message\": \"Not Found\"}")));
    ApplicationFailure e = failing("github", 1);
    assertThat(e.getType()).isEqualTo("POST_REJECTED");
    assertThat(e.getOriginalMessage()).contains("HTTP 404").contains("Not Found");
  }

  @Test
  void githubPendingPostFoundByItsBranchIsNotOpenedAgain() {
    f.pending("github", TEXT);
    String branch = "bunsui/post-" + PostingFixture.key("github", TEXT).substring(0, 16);
    wm.stubFor(
        get(urlPathEqualTo("/repos/acme/site/pulls"))
            .withQueryParam("head", equalTo("acme:" + branch))
            .withQueryParam("state", equalTo("all"))
            .willReturn(
                okJson(
                    "[{\"number\": 12, \"html_url\": \"https://github.com/acme/site/pull/12\","
                        + " \"created_at\": \"2025-05-01T08:00:00Z\"}]")));
    JsonNode out = f.post(PostingFixture.input("github", TEXT), 2).output();
    assertThat(out.path("status").asText()).isEqualTo("already_posted");
    assertThat(out.path("post_id").asText()).isEqualTo("12");
    assertThat(posts("/repos/acme/site/pulls")).isZero();
    assertThat(posts("/repos/acme/site/git/refs")).isZero();
  }
}
