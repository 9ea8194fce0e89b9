/**
 * TitanJ's JSON codec: one shared Moshi ({@link dev.titanj.core.json.TitanJson#moshi()}) that
 * reads ServiceTitan's wire types and TitanJ's Immutables value types.
 *
 * <h2>Value types</h2>
 * A type annotated {@code @TitanValue @Value.Immutable} (an interface or abstract class) is read
 * through the generated {@code ImmutableX.builder()} and written through its accessors. The
 * records and requests of the generated API modules have a JSON adapter each, written by codegen
 * beside them and found through their module's {@link dev.titanj.core.spi.TitanModule#jsonAdapters()}
 * (no reflection, no method handles: nothing for a native image to configure); any other value
 * type (a hand-written one) is read by a reflective adapter. Both follow the same rules:
 * <ul>
 *   <li>Attributes are the abstract, no-argument, non-void methods of the type and its
 *       supertypes. Default and concrete methods are derived values: never read or written
 *       ({@code @Value.Default} is therefore not supported; use {@code Optional}).
 *   <li>The JSON name is the accessor name, or the {@link dev.titanj.core.json.WireName} value.
 *   <li>{@code Optional}/{@code OptionalLong}/{@code OptionalInt}/{@code OptionalDouble}
 *       attributes read JSON null or a missing field as empty and are omitted when empty. Lists,
 *       sets and maps read null or missing as empty; null elements and null map values are
 *       dropped. Nested lists and maps are unmodifiable.
 *   <li>Any other attribute is required (an attribute with a run-time {@code @Nullable} is not):
 *       when it is missing or null, reading fails with a
 *       {@link dev.titanj.core.internal.TitanJsonException} naming the type and the JSON path
 *       such as {@code $.data[3].id}. A value of the wrong JSON type fails the same way, with
 *       the underlying Moshi exception as the cause.
 *   <li>Unknown JSON fields are skipped (unless the reader was set to fail on unknown names).
 *   <li>The implementation is {@code ImmutableX} beside {@code X}; for a nested {@code Outer.X}
 *       it is the top-level {@code ImmutableX}, or {@code ImmutableOuter.X} when {@code Outer}
 *       is annotated {@code @Value.Enclosing}.
 * </ul>
 *
 * <h2>Enums</h2>
 * Enums implementing {@link dev.titanj.core.json.WireEnum} are read by wire value (exactly, then
 * ignoring case); an unknown value reads as the enum's {@code UNKNOWN} constant and a wire value
 * shared by several constants reads as the first. {@code UNKNOWN} is written as null, which omits
 * the field. {@link dev.titanj.core.json.WireEnums#fromWire} is the same lookup for code.
 */
package dev.titanj.core.json;
