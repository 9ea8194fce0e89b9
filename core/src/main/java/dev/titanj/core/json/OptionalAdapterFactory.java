package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code Optional<T>}, {@code OptionalLong}, {@code OptionalInt} and {@code OptionalDouble}: JSON
 * null reads as empty; empty writes as null, which drops the field from an object.
 */
final class OptionalAdapterFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (raw == Optional.class) {
      Type inner = type instanceof ParameterizedType
          ? ValueTypeAdapter.upperBound(((ParameterizedType) type).getActualTypeArguments()[0])
          : Object.class;
      return new OptionalAdapter(moshi.adapter(inner));
    }
    if (raw == OptionalLong.class) {
      return OPTIONAL_LONG;
    }
    if (raw == OptionalInt.class) {
      return OPTIONAL_INT;
    }
    if (raw == OptionalDouble.class) {
      return OPTIONAL_DOUBLE;
    }
    return null;
  }

  private static final class OptionalAdapter extends JsonAdapter<Optional<Object>> {
    private final JsonAdapter<Object> inner;

    OptionalAdapter(JsonAdapter<Object> inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Object> fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        return Optional.empty();
      }
      return Optional.ofNullable(inner.fromJson(reader));
    }

    @Override
    public void toJson(JsonWriter writer, Optional<Object> value) throws IOException {
      if (value == null || value.isEmpty()) {
        writer.nullValue();
      } else {
        inner.toJson(writer, value.get());
      }
    }

    @Override
    public String toString() {
      return inner + ".optional()";
    }
  }

  private static final JsonAdapter<OptionalLong> OPTIONAL_LONG = new JsonAdapter<>() {
    @Override
    public OptionalLong fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        return OptionalLong.empty();
      }
      return OptionalLong.of(reader.nextLong());
    }

    @Override
    public void toJson(JsonWriter writer, OptionalLong value) throws IOException {
      if (value == null || value.isEmpty()) {
        writer.nullValue();
      } else {
        writer.value(value.getAsLong());
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(OptionalLong)";
    }
  };

  private static final JsonAdapter<OptionalInt> OPTIONAL_INT = new JsonAdapter<>() {
    @Override
    public OptionalInt fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        return OptionalInt.empty();
      }
      return OptionalInt.of(reader.nextInt());
    }

    @Override
    public void toJson(JsonWriter writer, OptionalInt value) throws IOException {
      if (value == null || value.isEmpty()) {
        writer.nullValue();
      } else {
        writer.value(value.getAsInt());
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(OptionalInt)";
    }
  };

  private static final JsonAdapter<OptionalDouble> OPTIONAL_DOUBLE = new JsonAdapter<>() {
    @Override
    public OptionalDouble fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(reader.nextDouble());
    }

    @Override
    public void toJson(JsonWriter writer, OptionalDouble value) throws IOException {
      if (value == null || value.isEmpty()) {
        writer.nullValue();
      } else {
        writer.value(value.getAsDouble());
      }
    }

    @Override
    public String toString() {
      return "JsonAdapter(OptionalDouble)";
    }
  };
}
