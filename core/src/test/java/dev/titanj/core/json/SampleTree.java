package dev.titanj.core.json;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** A recursive value type with a nullable attribute, a get-prefixed accessor and an enum set. */
@TitanValue
@Value.Immutable
public interface SampleTree {
  long id();

  List<SampleTree> children();

  @Nullable
  String note();

  Optional<String> getLabel();

  Set<SampleContactType> kinds();

  List<List<String>> grid();
}
