package dev.bunsui.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A step's retry policy, mapped onto Temporal's activity retry options.
 *
 * @param attempts maximum attempts including the first (1 = no retry)
 * @param backoff the first retry delay ({@code 1s}, {@code PT2S})
 * @param backoffCoefficient the factor each further delay grows by; null for 2.0
 * @param maxBackoff the largest delay; null for 100 × backoff (Temporal's default)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetrySpec(
    Integer attempts,
    String backoff,
    @JsonProperty("backoff_coefficient") Double backoffCoefficient,
    @JsonProperty("max_backoff") String maxBackoff) {}
