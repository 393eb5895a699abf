package dev.bunsui.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bunsui.metrics.LlmPrices;
import dev.bunsui.metrics.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and its provisioning: panels for every topic, every query on the
 * provisioned Prometheus datasource, the PromQL name extraction, and the metric names not produced
 * by a book run checked against what {@link MicrometerMetrics} serves in Prometheus format.
 */
class GrafanaDashboardTest {
  static final Path DEPLOY =
      Path.of(System.getProperty("bunsui.projectRoot", "..")).resolve("deploy");

  GrafanaDashboard dashboard() throws Exception {
    return GrafanaDashboard.read(DEPLOY.resolve("grafana/dashboards/bunsui.json"));
  }

  @Test
  void panelsCoverEveryTopicOnTheProvisionedDatasource() throws Exception {
    GrafanaDashboard d = dashboard();
    JsonNode datasources =
        new ObjectMapper(new YAMLFactory())
            .readTree(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml").toFile());
    String uid = datasources.path("datasources").get(0).path("uid").asText();
    assertThat(uid).isNotBlank();

    List<String> titles = d.panels().stream().map(p -> p.path("title").asText()).toList();
    assertThat(titles)
        .contains(
            "Step throughput by activity type",
            "Step errors by code",
            "Step latency p95 by activity type",
            "Activity schedule-to-start latency p95",
            "LLM tokens per second",
            "Estimated LLM cost per hour",
            "Step cache hit rate by step",
            "Figures converted by type",
            "Posts by channel and outcome");
    for (JsonNode p : d.panels()) {
      if (p.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(p.path("datasource").path("uid").asText())
          .as(p.path("title").asText())
          .isEqualTo(uid);
      assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
      for (JsonNode t : p.path("targets")) {
        assertThat(t.path("expr").asText()).as(p.path("title").asText()).isNotBlank();
      }
    }
    assertThat(d.root.path("uid").asText()).isEqualTo("bunsui");
  }

  @Test
  void metricNamesAreTakenFromPromQl() {
    assertThat(
            GrafanaDashboard.metricNames(
                "histogram_quantile(0.95, sum by (le, activity_type)"
                    + " (rate(bunsui_step_duration_seconds_bucket{outcome=\"fail(x)\"}[$__rate_interval])))"))
        .containsExactly("bunsui_step_duration_seconds_bucket");
    assertThat(
            GrafanaDashboard.metricNames(
                "sum by (step) (rate(a_total{result=\"hit\"}[5m])) / on (step) group_left"
                    + " sum by (step) (rate(b_total[5m])) > bool 0.5e3"))
        .containsExactly("a_total", "b_total");
    assertThat(GrafanaDashboard.metricNames("sum(increase(c_usd_total[$__range]))"))
        .containsExactly("c_usd_total");
  }

  @Test
  void metricsNotFromABookRunAreServedUnderTheNamesTheDashboardUses() throws Exception {
    List<String> used = dashboard().metricNames();
    assertThat(used).containsAll(GrafanaDashboard.NOT_FROM_A_BOOK_RUN.keySet());

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new MicrometerMetrics(registry, LlmPrices.NONE).post("x", "posted");
    PrometheusScrape scrape = PrometheusScrape.parse(registry.scrape());
    assertThat(scrape.names()).containsAll(GrafanaDashboard.NOT_FROM_A_BOOK_RUN.keySet());
    assertThat(scrape.sum("bunsui_posts_total", "channel", "x", "outcome", "posted"))
        .isEqualTo(1.0);
  }
}
