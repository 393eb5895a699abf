package dev.bunsui.figure;

import dev.bunsui.store.ArtifactRef;

/**
 * What the step cache keeps of a conversion: only what follows from the source bytes, so the same
 * figure used in two places shares the entry.
 *
 * @param png the stored PNG
 * @param width width in pixels
 * @param height height in pixels
 */
record ConvertedFigure(ArtifactRef png, int width, int height) {}
