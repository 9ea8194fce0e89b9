package dev.titanj.core.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes collections that Immutables stores as given (inside a Map value, an {@code Optional}, a
 * list element) unmodifiable, so a decoded value type is immutable all the way down.
 */
final class Freezing {
  private Freezing() {}

  /** {@code adapter}, read-wrapped to freeze its List, Set or Map results; others unchanged. */
  @SuppressWarnings("unchecked")
  static JsonAdapter<Object> wrap(Type type, JsonAdapter<Object> adapter) {
    Class<?> raw = Types.getRawType(type);
    if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
      return adapter;
    }
    return new JsonAdapter<>() {
      @Override
      public Object fromJson(JsonReader reader) throws IOException {
        return freeze(adapter.fromJson(reader));
      }

      @Override
      public void toJson(JsonWriter writer, Object value) throws IOException {
        adapter.toJson(writer, value);
      }

      @Override
      public String toString() {
        return adapter + ".frozen()";
      }
    };
  }

  static Object freeze(Object value) {
    if (value instanceof List) {
      return Collections.unmodifiableList((List<?>) value);
    }
    if (value instanceof Set) {
      return Collections.unmodifiableSet((Set<?>) value);
    }
    if (value instanceof Map) {
      return Collections.unmodifiableMap((Map<?, ?>) value);
    }
    if (value instanceof Collection) {
      return Collections.unmodifiableCollection((Collection<?>) value);
    }
    return value;
  }
}
