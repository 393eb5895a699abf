package dev.bunsui.cli.guard;

import java.nio.file.Path;
import java.util.List;

/**
 * The guard-rail options of one command line (see {@code GlobalOptions}).
 *
 * @param readOnly {@code --read-only}
 * @param actor {@code --actor}, or {@code null}
 * @param approvedBy {@code --approved-by}, or {@code null}
 * @param config {@code --config}, or {@code null}
 * @param commandLine the program name and the arguments as given, to print the command to rerun
 *     with approval (empty when unknown)
 */
public record GuardOptions(
    boolean readOnly, String actor, String approvedBy, Path config, List<String> commandLine) {}
