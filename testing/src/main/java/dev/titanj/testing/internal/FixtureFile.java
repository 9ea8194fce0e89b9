package dev.titanj.testing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture file: pretty-printed JSON holding a format marker, when it was recorded, the masks
 * applied, and the interactions in the order they happened.
 */
public final class FixtureFile {
  public static final String FORMAT = "titanj-fixtures/1";

  public final String recordedAt;
  public final List<String> masks;
  public final List<Interaction> interactions;

  public FixtureFile(String recordedAt, List<String> masks, List<Interaction> interactions) {
    this.recordedAt = recordedAt;
    this.masks = List.copyOf(masks);
    this.interactions = List.copyOf(interactions);
  }

  /** The file's text. */
  public String toText() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("recordedAt", recordedAt);
    json.put("masks", masks);
    List<Object> list = new ArrayList<>();
    for (Interaction i : interactions) {
      list.add(i.toJson());
    }
    json.put("interactions", list);
    return Json.pretty(json) + "\n";
  }

  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, toText(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write fixture " + file, e);
    }
  }

  public static FixtureFile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read fixture " + file, e);
    }
  }

  public static FixtureFile read(InputStream in, String name) {
    try (InputStream s = in) {
      return parse(new String(s.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read fixture " + name, e);
    }
  }

  @SuppressWarnings("unchecked")
  static FixtureFile parse(String text, String name) {
    Object parsed;
    try {
      parsed = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fixture " + name + " is not valid JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map) || !FORMAT.equals(((Map<String, Object>) parsed).get("format"))) {
      throw new IllegalArgumentException("fixture " + name + " is not a " + FORMAT + " file");
    }
    Map<String, Object> json = (Map<String, Object>) parsed;
    List<Interaction> list = new ArrayList<>();
    Object items = json.get("interactions");
    if (items instanceof List) {
      for (Object o : (List<Object>) items) {
        list.add(Interaction.fromJson((Map<String, Object>) o));
      }
    }
    List<String> masks = new ArrayList<>();
    if (json.get("masks") instanceof List) {
      for (Object o : (List<Object>) json.get("masks")) {
        masks.add(String.valueOf(o));
      }
    }
    return new FixtureFile(String.valueOf(json.get("recordedAt")), masks, list);
  }
}
