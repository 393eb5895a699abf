package dev.bunsui.creative;

import java.util.List;

/**
 * The parts of one creative before it gets a channel, a text and an image.
 *
 * @param headline short title
 * @param body one or two sentences
 * @param hashtags hashtags with their {@code #}, at most a few
 * @param callToAction what the reader should do ({@code Learn more}, {@code 詳しくはこちら})
 */
public record CreativeDraft(
    String headline, String body, List<String> hashtags, String callToAction) {}
