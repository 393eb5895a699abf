package dev.bunsui.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a page's text into what the Markdown parser reads, keeping the original line numbers:
 *
 * <ul>
 *   <li>YAML front matter ({@code ---} … {@code ---} or {@code ...} at the start) is parsed and
 *       blanked;
 *   <li>mdBook includes and HonKit {@code [import](path)} code imports are resolved (see {@link
 *       IncludeResolver});
 *   <li>outside code fences, HonKit/GitBook template tags ({@code {{book.x}}}, {@code {% … %}}) and
 *       unknown {@code {{#…}}} directives are removed, {@code {#id}} anchors are taken off ATX
 *       headings and remembered, and bare {@code @startuml}…{@code @enduml} blocks are fenced as
 *       {@code plantuml};
 *   <li>inside {@code rust} fences, mdBook's hidden lines ({@code # …}) are dropped.
 * </ul>
 */
final class Preprocessor {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern FENCE = Pattern.compile("^\\s*(?:>\\s*)*(`{3,}|~{3,})\\s*(.*)$");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(?!#)[^{}]*}}|\\{%.*?%}");
  private static final Pattern DIRECTIVE = Pattern.compile("\\{\\{#[a-z_]+[^{}]*}}");
  private static final Pattern HEADING_ANCHOR =
      Pattern.compile("^(\\s{0,3}#{1,6}\\s.*?)\\s*\\{#([A-Za-z0-9_:.\\-]+)[^}]*}\\s*#*\\s*$");
  private static final Pattern HIDDEN_RUST = Pattern.compile("^\\s*#(?:\\s.*)?$");

  private final SourceFiles files;
  private final SkipLog skips;
  private final IncludeResolver includes;

  Preprocessor(SourceFiles files, SkipLog skips) {
    this.files = files;
    this.skips = skips;
    this.includes = new IncludeResolver(files, skips);
  }

  /** Preprocesses the text of a page read from {@code file}. */
  PreparedPage prepare(Path file, String text) {
    String rel = files.rel(file);
    String[] src = text.split("\\R", -1);
    Map<String, Object> frontMatter = frontMatter(src, rel);

    List<String> lines = new ArrayList<>();
    List<Integer> orig = new ArrayList<>();
    for (int i = 0; i < src.length; i++) {
      String line = src[i];
      if (line.contains("{{#")) {
        line = includes.expand(line, file.getParent(), rel, i + 1);
      }
      Matcher imp = IncludeResolver.IMPORT.matcher(line);
      if (imp.matches()) {
        line = includes.importCode(imp.group(1), file.getParent(), rel, i + 1);
      }
      for (String l : line.split("\n", -1)) {
        lines.add(l);
        orig.add(i + 1);
      }
    }
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
      orig.remove(orig.size() - 1);
    }
    return clean(file, rel, lines, orig, frontMatter);
  }

  private PreparedPage clean(
      Path file, String rel, List<String> in, List<Integer> inOrig, Map<String, Object> fm) {
    List<String> out = new ArrayList<>();
    List<Integer> orig = new ArrayList<>();
    Map<Integer, String> anchors = new HashMap<>();
    String fence = null;
    boolean rust = false;
    boolean uml = false;
    for (int i = 0; i < in.size(); i++) {
      String line = in.get(i);
      int o = inOrig.get(i);
      Matcher f = FENCE.matcher(line);
      if (fence == null && !uml) {
        if (f.matches()) {
          fence = f.group(1);
          String info = f.group(2).strip();
          rust = info.startsWith("rust");
          out.add(line);
          orig.add(o);
          continue;
        }
        if (line.strip().startsWith("@startuml")) {
          uml = true;
          out.add("```plantuml");
          orig.add(o);
          out.add(line.strip());
          orig.add(o);
          continue;
        }
        String stripped = DIRECTIVE.matcher(TEMPLATE.matcher(line).replaceAll("")).replaceAll("");
        if (!stripped.equals(line) && stripped.isBlank()) {
          stripped = "";
        }
        Matcher a = HEADING_ANCHOR.matcher(stripped);
        if (a.matches()) {
          stripped = a.group(1);
          anchors.put(out.size(), a.group(2));
        }
        out.add(stripped);
        orig.add(o);
      } else if (uml) {
        out.add(line.strip());
        orig.add(o);
        if (line.strip().startsWith("@enduml")) {
          uml = false;
          out.add("```");
          orig.add(o);
        }
      } else {
        String t = line.strip().replaceFirst("^(>\\s*)+", "");
        if (t.startsWith(fence) && t.replace(fence.substring(0, 1), "").isBlank()) {
          fence = null;
        } else if (rust && HIDDEN_RUST.matcher(line).matches()) {
          continue;
        }
        out.add(line);
        orig.add(o);
      }
    }
    if (uml) {
      out.add("```");
      orig.add(orig.isEmpty() ? 1 : orig.get(orig.size() - 1));
    }
    int[] origLines = orig.stream().mapToInt(Integer::intValue).toArray();
    return new PreparedPage(file, rel, List.copyOf(out), origLines, Map.copyOf(anchors), fm);
  }

  /** Parses and blanks the front matter in place; empty when there is none or it is invalid. */
  private Map<String, Object> frontMatter(String[] src, String rel) {
    if (src.length == 0 || !src[0].strip().equals("---")) {
      return Map.of();
    }
    int end = -1;
    for (int i = 1; i < src.length; i++) {
      String s = src[i].strip();
      if (s.equals("---") || s.equals("...")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      return Map.of();
    }
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i < end; i++) {
      yaml.append(src[i]).append('\n');
    }
    for (int i = 0; i <= end; i++) {
      src[i] = "";
    }
    if (yaml.isEmpty()) {
      return Map.of();
    }
    try {
      Object value = YAML.readValue(yaml.toString(), Object.class);
      if (value instanceof Map<?, ?> map) {
        Map<String, Object> fm = new LinkedHashMap<>();
        map.forEach((k, v) -> fm.put(String.valueOf(k), v));
        return fm;
      }
      skips.add(rel, rel, 1, "front matter ignored: it is not a YAML mapping");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
      skips.add(
          rel, rel, line, "front matter ignored: invalid YAML (" + e.getOriginalMessage() + ")");
    }
    return Map.of();
  }
}
