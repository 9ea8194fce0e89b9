package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import dev.titanj.core.internal.TitanJsonException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.DateTimeException;

/**
 * What the JSON adapters that codegen writes for each record type share: the failures they
 * report and the few writes that need a setting flipped. Not a user API; generated code calls it
 * so that each adapter holds only its name table, its field switch and its builder calls.
 *
 * <p>A generated adapter reads and writes exactly as the reflective adapter of a
 * {@link TitanValue} type does (see the package description): the same names, the same handling
 * of JSON null, missing and unknown fields, the same {@code TitanJsonException} with the type and
 * JSON path on bad input. It reads {@code String}, {@code Long}, {@code Integer},
 * {@code Boolean} and {@code Double} values with the reader's own methods, as Moshi's built-in
 * adapters for those types do; every other field type goes through the adapter the
 * {@link Moshi} passed to the module's factory gives for it, obtained once per record type.
 */
public final class RecordAdapters {
  /** The {@code last} index of an adapter that has read no field yet. */
  public static final int NONE = -2;
  /** The {@code last} index of an adapter whose last field was unknown (skipped). */
  public static final int SKIPPED = -1;

  private RecordAdapters() {}

  /**
   * The adapter that reads a field, element or map value of {@code type}: Moshi's, with the
   * List, Set or Map it reads made unmodifiable (a decoded record is immutable all the way down).
   */
  @SuppressWarnings("unchecked")
  public static <T> JsonAdapter<T> reading(Moshi moshi, Type type) {
    return (JsonAdapter<T>) Freezing.wrap(type, moshi.adapter(type));
  }

  /**
   * For a reader that is not at an object: JSON null reads as null; anything else fails naming
   * the record type {@code type} and the path.
   */
  public static <T> T notAnObject(JsonReader reader, String type) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    throw new TitanJsonException(type, reader.getPath(),
        "expected a JSON object but was " + reader.peek(), null);
  }

  /**
   * What a generated adapter throws for {@code e}, thrown while it read a field: a value of the
   * wrong type or shape (a Moshi {@link JsonDataException}, or what a scalar adapter or builder
   * throws: illegal argument or state, null, class cast, date-time, arithmetic) becomes a
   * {@code TitanJsonException} naming the record type, the JSON path (the one a Moshi message
   * names, else the reader's) and the field ({@code field}: {@code "balance as
   * Optional<BigDecimal>"}); anything else, such as the failure of a nested record, is
   * {@code e} itself.
   */
  public static RuntimeException readFailure(String type, String field, JsonReader reader,
      RuntimeException e) {
    if (!(e instanceof JsonDataException || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException || e instanceof NullPointerException
        || e instanceof ClassCastException || e instanceof DateTimeException
        || e instanceof ArithmeticException)) {
      return e;
    }
    return new TitanJsonException(type, failurePath(e, reader),
        "cannot read " + field + ": " + e.getMessage(), e);
  }

  /**
   * A required field that the object did not hold (or held as null): the first of
   * {@code required} (the required fields' JSON names, in bit order) whose bit is set in
   * {@code missingBits}.
   */
  public static RuntimeException missing(String type, JsonReader reader,
      JsonReader.Options names, int last, String[] required, long missingBits) {
    String first = required[Long.numberOfTrailingZeros(missingBits)];
    String field = ValueTypeAdapter.objectPath(reader.getPath(), lastName(names, last))
        + "." + first;
    return new TitanJsonException(type, field, "required field missing", null);
  }

  /** The builder refused the values read (a {@code @Value.Check}, a required attribute). */
  public static RuntimeException buildFailure(String type, JsonReader reader,
      JsonReader.Options names, int last, RuntimeException e) {
    return new TitanJsonException(type,
        ValueTypeAdapter.objectPath(reader.getPath(), lastName(names, last)), e.getMessage(), e);
  }

  /** Writes {@code "name": null} whatever the writer's null setting: a request's explicit null. */
  public static void writeNull(JsonWriter writer, String name) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    writer.name(name).nullValue();
    writer.setSerializeNulls(serializeNulls);
  }

  /**
   * Writes a map field: its null values (empty {@code Optional}s of a request map) are written,
   * whatever the writer's null setting.
   */
  public static <T> void writeMap(JsonWriter writer, String name, JsonAdapter<T> adapter, T value)
      throws IOException {
    writer.name(name);
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      adapter.toJson(writer, value);
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /** The JSON name Moshi's path holds after field {@code last}. */
  private static String lastName(JsonReader.Options names, int last) {
    if (last == NONE) {
      return null;
    }
    if (last == SKIPPED) {
      return "null"; // what Moshi records as the path name of a skipped name
    }
    return names.strings().get(last);
  }

  private static String failurePath(RuntimeException e, JsonReader reader) {
    String message = e.getMessage();
    if (e instanceof JsonDataException && message != null) {
      int at = message.lastIndexOf(" at path ");
      if (at >= 0) {
        return message.substring(at + " at path ".length()).trim();
      }
    }
    return reader.getPath();
  }
}
