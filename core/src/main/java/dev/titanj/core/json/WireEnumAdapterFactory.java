package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads {@link WireEnum} enums by wire value (unknown values give {@code UNKNOWN}) and writes
 * their wire value; {@code UNKNOWN} is written as null, so an object field holding it is omitted.
 */
final class WireEnumAdapterFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum() && raw.getSuperclass() != null && raw.getSuperclass().isEnum()) {
      raw = raw.getSuperclass(); // a constant with a body
    }
    if (!raw.isEnum() || !WireEnum.class.isAssignableFrom(raw)) {
      return null;
    }
    return new Adapter(raw, WireEnums.table(raw));
  }

  private static final class Adapter extends JsonAdapter<Object> {
    private final Class<?> type;
    private final WireEnums.Table<?> table;

    Adapter(Class<?> type, WireEnums.Table<?> table) {
      this.type = type;
      this.table = table;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      switch (reader.peek()) {
        case NULL:
          return reader.nextNull();
        case STRING:
        case NUMBER:
          return table.lookup(reader.nextString());
        case BOOLEAN:
          return table.lookup(Boolean.toString(reader.nextBoolean()));
        default:
          throw new JsonDataException("Expected a string for " + type.getSimpleName()
              + " but was " + reader.peek() + " at path " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      if (value == null || value == table.unknown()) {
        writer.nullValue();
      } else {
        writer.value(((WireEnum) value).wireValue());
      }
    }

    @Override
    public String toString() {
      return "WireEnumAdapter(" + type.getName() + ")";
    }
  }
}
