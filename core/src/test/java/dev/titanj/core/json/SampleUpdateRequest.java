package dev.titanj.core.json;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A request shaped as codegen emits one: clearable fields, unset-able lists, a shared record. */
@TitanValue
@Value.Immutable
public interface SampleUpdateRequest extends TitanRequest {
  @Clearable
  Optional<String> name();

  @Clearable
  Optional<LocalDate> dueDate();

  Optional<Long> typeId();

  @Nullable
  List<Long> tagTypeIds();

  @Nullable
  @Clearable
  Map<String, Optional<String>> customFields();

  Optional<SampleSharedAddress> address();

  static Builder builder() {
    return new Builder();
  }

  /** The builder, with its clear methods. */
  final class Builder extends ImmutableSampleUpdateRequest.Builder {
    public Builder clearName() {
      addExplicitNulls("name");
      return this;
    }

    public Builder clearDueDate() {
      addExplicitNulls("dueDate");
      return this;
    }

    public Builder clearCustomFields() {
      addExplicitNulls("customFields");
      return this;
    }
  }
}
