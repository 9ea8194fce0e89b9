package dev.titanj.codegen;

import com.palantir.javapoet.ClassName;

/** The well-known classes generated code refers to: core, JSON, Immutables, Retrofit and JDK types. */
final class Types {
  private Types() {}

  static final String CORE = "dev.titanj.core";
  static final ClassName SERVICE_TITAN = ClassName.get(CORE, "ServiceTitan");
  static final ClassName LIST_QUERY = ClassName.get(CORE, "ListQuery");
  static final ClassName QUERY_PARAMS = ClassName.get(CORE, "QueryParams");
  static final ClassName PAGE = ClassName.get(CORE, "Page");
  static final ClassName SORT = ClassName.get(CORE, "Sort");
  static final ClassName SORT_FIELD = ClassName.get(CORE, "SortField");
  static final ClassName ACTIVE = ClassName.get(CORE, "Active");
  static final ClassName EXPORT_CURSOR = ClassName.get(CORE, "ExportCursor");
  static final ClassName EXPORT_FEED = ClassName.get(CORE, "ExportFeed");
  static final ClassName NOT_FOUND = ClassName.get(CORE, "NotFoundException");
  static final ClassName QUERY_STATE = ClassName.get(CORE + ".spi", "QueryState");
  static final ClassName PAGED_RESPONSE = ClassName.get(CORE + ".spi", "PagedResponse");
  static final ClassName EXPORT_RESPONSE = ClassName.get(CORE + ".spi", "ExportResponse");
  static final ClassName RUNTIME = ClassName.get(CORE + ".spi", "ResourceRuntime");
  static final ClassName MODULE_RUNTIME = ClassName.get(CORE + ".spi", "ModuleRuntime");
  static final ClassName TITAN_MODULE = ClassName.get(CORE + ".spi", "TitanModule");
  static final ClassName DESCRIPTORS = ClassName.get(CORE + ".spi", "Descriptors");
  static final ClassName RESOURCE_KEY = ClassName.get(CORE, "ResourceKey");
  static final ClassName RESOURCE_DESCRIPTOR = ClassName.get(CORE, "ResourceDescriptor");
  static final ClassName CHECK_RETURN_VALUE = ClassName.get("com.google.errorprone.annotations", "CheckReturnValue");
  static final ClassName TITAN_VALUE = ClassName.get(CORE + ".json", "TitanValue");
  static final ClassName WIRE_NAME = ClassName.get(CORE + ".json", "WireName");
  static final ClassName WIRE_ENUM = ClassName.get(CORE + ".json", "WireEnum");
  static final ClassName WIRE_ENUMS = ClassName.get(CORE + ".json", "WireEnums");
  static final ClassName TITAN_REQUEST = ClassName.get(CORE + ".json", "TitanRequest");
  static final ClassName NULLABLE = ClassName.get(CORE + ".json", "Nullable");
  static final ClassName CLEARABLE = ClassName.get(CORE + ".json", "Clearable");
  static final ClassName REQUIRED_IN_REQUESTS = ClassName.get(CORE + ".json", "RequiredInRequests");
  static final ClassName VALUE = ClassName.get("org.immutables.value", "Value");
  static final ClassName VALUE_IMMUTABLE = VALUE.nestedClass("Immutable");
  static final ClassName VALUE_REDACTED = VALUE.nestedClass("Redacted");
  static final ClassName CALL = ClassName.get("retrofit2", "Call");
  static final String HTTP = "retrofit2.http";
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  static final ClassName UUID = ClassName.get("java.util", "UUID");
  static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
  static final ClassName COLLECTORS = ClassName.get("java.util.stream", "Collectors");
  static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  static final ClassName STRING = ClassName.get(String.class);
  static final ClassName OBJECT = ClassName.get(Object.class);
  static final ClassName LONG = ClassName.get(Long.class);
  static final ClassName BOOLEAN = ClassName.get(Boolean.class);
  static final ClassName INTEGER = ClassName.get(Integer.class);
  static final ClassName VOID = ClassName.get(Void.class);
  static final ClassName ARGUMENTS = ClassName.get(CORE + ".spi", "Arguments");
  static final ClassName REFERENCE = ClassName.get(CORE, "Reference");
  static final ClassName REVERSE = ClassName.get(CORE, "Reverse");
}
